package io.aiactops.maintenance;

import io.aiactops.platform.WireName;

/** What a process owner decides (Art. 20(1)): bring into conformity (retrain, adapt), withdraw, disable, recall, or nothing. */
public enum CorrectiveActionType implements WireName {
    RETRAIN, ADAPT_CONFIGURATION, WITHDRAW, DISABLE, RECALL, NO_ACTION;

    public static CorrectiveActionType fromWireName(String wireName) {
        return WireName.find(CorrectiveActionType.class, wireName).orElse(null);
    }

    static String wireNames() {
        return WireName.list(CorrectiveActionType.class);
    }
}
