package io.aiactops.maintenance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a process owner decides (Art. 20(1)): bring into conformity (retrain, adapt), withdraw, disable, recall, or nothing. */
public enum CorrectiveActionType {
    RETRAIN, ADAPT_CONFIGURATION, WITHDRAW, DISABLE, RECALL, NO_ACTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the action waits for a new model version to pass the deployment gate. */
    public boolean needsNewVersion() {
        return this == RETRAIN || this == ADAPT_CONFIGURATION;
    }

    public static CorrectiveActionType fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wireName)).findFirst().orElse(null);
    }

    static String wireNames() {
        return Arrays.stream(values()).map(CorrectiveActionType::wireName).collect(Collectors.joining(", "));
    }
}
