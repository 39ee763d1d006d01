package io.aiactops.oversight;

import io.aiactops.platform.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of a threshold check: {@code warning} and {@code critical} are breaches that need a review. */
public enum Severity implements WireName {
    OK, WARNING, CRITICAL;

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
    }

    public boolean isBreach() {
        return this != OK;
    }

    /** The severity with this wire name; anything else is a configuration error worth failing for. */
    public static Severity fromWireName(String wireName) {
        return WireName.find(Severity.class, wireName)
                .orElseThrow(() -> new IllegalArgumentException("'" + wireName + "' is not a severity (ok, warning, critical)"));
    }
}
