package io.aiactops.registry;

/** A model version's place in the release life cycle; at most one is ACTIVE per system. */
public enum ModelVersionStatus {
    CANDIDATE, ACTIVE, RETIRED, REJECTED
}
