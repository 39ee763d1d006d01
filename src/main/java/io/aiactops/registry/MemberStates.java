package io.aiactops.registry;

/** The states where the AI Act applies: ISO 3166-1 alpha-2 codes of the EU-27 and the EEA. */
public final class MemberStates {

    public static final String ISO_CODES = "AT|BE|BG|HR|CY|CZ|DK|EE|FI|FR|DE|GR|HU|IE|IT|LV|LT|LU|MT|NL|PL|PT|RO|SK|SI|ES|SE|IS|LI|NO";
    public static final String MESSAGE = "must be the ISO 3166-1 alpha-2 code of an EU or EEA Member State (e.g. FR, DE)";

    private MemberStates() {
    }
}
