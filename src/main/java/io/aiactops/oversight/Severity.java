package io.aiactops.oversight;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of a threshold check: {@code warning} and {@code critical} are breaches that need a review. */
public enum Severity {
    OK, WARNING, CRITICAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isBreach() {
        return this != OK;
    }

    /** The severity with this wire name; anything else is a configuration error worth failing for. */
    public static Severity fromWireName(String wireName) {
        for (Severity severity : values()) {
            if (severity.wireName().equals(wireName)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("'" + wireName + "' is not a severity (ok, warning, critical)");
    }

    public static Severity higher(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
