package io.aiactops.oversight;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an overseer decides on a monitoring alert; the wire name is the form's and the gateway's value. */
public enum ReviewDecision {
    DISMISS, KEEP_WATCHING, REQUEST_CORRECTIVE_ACTION, REPORT_INCIDENT, STOP_SYSTEM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The decision with this wire name, or {@code null}. */
    public static ReviewDecision fromWireName(String wireName) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(wireName)).findFirst().orElse(null);
    }

    static String wireNames() {
        return Arrays.stream(values()).map(ReviewDecision::wireName).collect(Collectors.joining(", "));
    }
}
