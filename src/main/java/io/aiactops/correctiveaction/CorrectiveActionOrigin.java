package io.aiactops.correctiveaction;

import io.aiactops.platform.WireName;

/** Where a corrective action was requested. */
public enum CorrectiveActionOrigin implements WireName {
    API, OVERSIGHT_REVIEW, SERIOUS_INCIDENT, POST_MARKET_REVIEW, AUTHORITY_ORDER;

    public static CorrectiveActionOrigin fromWireName(String wireName) {
        return WireName.find(CorrectiveActionOrigin.class, wireName).orElse(null);
    }

    public static String wireNames() {
        return WireName.list(CorrectiveActionOrigin.class);
    }
}
