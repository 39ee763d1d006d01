package io.aiactops.registry;

/** A process owner registered a new AI system. Published inside the registering transaction. */
public record AiSystemRegistered(AiSystem system, String actor) {
}
