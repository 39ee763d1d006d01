package io.aiactops.registry;

import java.util.Map;

/**
 * A process owner changed an AI system's registration; {@code changes} maps each changed field to
 * its old and new value. Published inside the changing transaction.
 */
public record AiSystemChanged(AiSystem system, Map<String, Change> changes, String actor) {

    public record Change(Object before, Object after) {
    }
}
