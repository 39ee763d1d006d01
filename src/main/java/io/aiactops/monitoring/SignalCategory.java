package io.aiactops.monitoring;

import io.aiactops.platform.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a signal measures, as the seed lists the monitoring duties. */
public enum SignalCategory implements WireName {
    DATA_QUALITY, PERFORMANCE, DRIFT, BIAS, UNCERTAINTY, USAGE, INTEGRITY;

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
    }

    /** The category with this wire name, or {@code null}. */
    public static SignalCategory fromWireName(String wireName) {
        return WireName.find(SignalCategory.class, wireName).orElse(null);
    }

    public static String wireNames() {
        return WireName.list(SignalCategory.class);
    }
}
