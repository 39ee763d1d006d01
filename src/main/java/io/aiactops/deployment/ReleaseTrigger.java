package io.aiactops.deployment;

import io.aiactops.platform.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a release request came from. */
public enum ReleaseTrigger implements WireName {
    API, MLFLOW;

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
    }
}
