package io.aiactops.correctiveaction;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a corrective action was requested. */
public enum CorrectiveActionOrigin {
    API, OVERSIGHT_REVIEW, SERIOUS_INCIDENT, POST_MARKET_REVIEW, AUTHORITY_ORDER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CorrectiveActionOrigin fromWireName(String wireName) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(wireName)).findFirst().orElse(null);
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(CorrectiveActionOrigin::wireName).collect(Collectors.joining(", "));
    }
}
