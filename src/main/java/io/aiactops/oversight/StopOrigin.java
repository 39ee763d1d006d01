package io.aiactops.oversight;

import io.aiactops.platform.WireName;

/** Where a stop came from: recorded with it as {@code stopOrigin} and shown when resuming. */
public enum StopOrigin implements WireName {
    API("api"), TASKLIST("tasklist"), OVERSIGHT_REVIEW("oversight-review"), CORRECTIVE_ACTION("corrective_action");

    private final String wireName;

    StopOrigin(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static StopOrigin fromWireName(String wireName) {
        return WireName.find(StopOrigin.class, wireName).orElse(null);
    }
}
