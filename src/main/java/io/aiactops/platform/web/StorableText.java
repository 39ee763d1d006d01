package io.aiactops.platform.web;

/**
 * Strings PostgreSQL can store and give back unchanged: no NUL (text columns refuse it) and no
 * unpaired surrogate (it would be stored as '?', silently changing legal evidence).
 */
public final class StorableText {

    private StorableText() {
    }

    /** The reason a string cannot be stored and re-checked faithfully, or {@code null}. */
    public static String problem(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c > 0 && c < Character.MIN_SURROGATE) {
                continue; // almost every character: nothing to check
            }
            if (c == 0) {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (invalid Unicode)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (invalid Unicode)";
            }
        }
        return null;
    }
}
