package io.aiactops.oversight;

import io.aiactops.platform.WireName;

/** What an overseer decides on a monitoring alert; the wire name is the form's and the gateway's value. */
public enum ReviewDecision implements WireName {
    DISMISS, KEEP_WATCHING, REQUEST_CORRECTIVE_ACTION, REPORT_INCIDENT, STOP_SYSTEM;

    /** The decision with this wire name, or {@code null}. */
    public static ReviewDecision fromWireName(String wireName) {
        return WireName.find(ReviewDecision.class, wireName).orElse(null);
    }

    static String wireNames() {
        return WireName.list(ReviewDecision.class);
    }
}
