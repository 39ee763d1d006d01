package io.aiactops.logs;

import java.time.Instant;

/** A chain head as it was at {@code createdAt}; a later chain must still contain it. */
public record Checkpoint(long seq, String hash, Instant createdAt) {
}
