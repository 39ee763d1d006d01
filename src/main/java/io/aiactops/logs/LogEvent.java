package io.aiactops.logs;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored register event, as the read API returns it. {@code type} stays a string: verification
 * must be able to show whatever a tampered row holds.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LogEvent(String systemId, long seq, String type,
        @JsonFormat(pattern = "uuuu-MM-dd'T'HH:mm:ss.SSSSSSX", timezone = "UTC") Instant occurredAt,
        @JsonFormat(pattern = "uuuu-MM-dd'T'HH:mm:ss.SSSSSSX", timezone = "UTC") Instant recordedAt,
        String modelVersion, String actor, String clientEventId, JsonNode payload, String prevHash, String hash) {
}
