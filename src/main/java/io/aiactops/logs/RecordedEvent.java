package io.aiactops.logs;

/** Where a capability's event landed in its system's chain. */
public record RecordedEvent(String systemId, long seq, String hash) {
}
