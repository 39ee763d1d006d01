package io.aiactops.oversight;

import java.util.Arrays;

/** Where a stop came from: recorded with it as {@code stopOrigin} and shown when resuming. */
public enum StopOrigin {
    API("api"), TASKLIST("tasklist"), OVERSIGHT_REVIEW("oversight-review"), CORRECTIVE_ACTION("corrective_action");

    private final String wireName;

    StopOrigin(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static StopOrigin fromWireName(String wireName) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(wireName)).findFirst().orElse(null);
    }
}
