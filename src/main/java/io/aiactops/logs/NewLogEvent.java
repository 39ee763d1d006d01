package io.aiactops.logs;

import java.time.Instant;

/**
 * An event to append, validated, its payload already in canonical form; {@code occurredAt} is
 * {@code null} when the sender gave none (it then equals the recorded time).
 */
public record NewLogEvent(LogEventType type, Instant occurredAt, String modelVersion, String clientEventId,
        String canonicalPayload) {
}
