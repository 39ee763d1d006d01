package io.aiactops.registry;

/** A model version became the system's ACTIVE one, published in the activating transaction. */
public record ModelVersionActivated(ModelVersion version, String approver) {
}
