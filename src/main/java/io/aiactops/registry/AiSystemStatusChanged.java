package io.aiactops.registry;

/** A system was stopped, resumed or withdrawn. Published inside the changing transaction. */
public record AiSystemStatusChanged(AiSystem system, SystemStatus previousStatus, String reason, String actor) {
}
