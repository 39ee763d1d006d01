package io.aiactops.deployment;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a release request came from. */
public enum ReleaseTrigger {
    API, MLFLOW;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
