package io.aiactops.registry;

/** Whether an AI system may operate: SUSPENDED after a stop, WITHDRAWN after a corrective action. */
public enum SystemStatus {
    ACTIVE, SUSPENDED, WITHDRAWN
}
