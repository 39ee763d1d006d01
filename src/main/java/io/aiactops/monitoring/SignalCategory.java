package io.aiactops.monitoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a signal measures, as the seed lists the monitoring duties. */
public enum SignalCategory {
    DATA_QUALITY, PERFORMANCE, DRIFT, BIAS, UNCERTAINTY, USAGE, INTEGRITY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category with this wire name, or {@code null}. */
    public static SignalCategory fromWireName(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(wireName)).findFirst().orElse(null);
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(SignalCategory::wireName).collect(Collectors.joining(", "));
    }
}
