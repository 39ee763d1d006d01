package io.aiactops.logs;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A stored register event, as the read API returns it. {@code type} stays a string: verification
 * must be able to show whatever a tampered row holds.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LogEvent(String systemId, long seq, String type,
        @JsonFormat(pattern = "uuuu-MM-dd'T'HH:mm:ss.SSSSSSX", timezone = "UTC") Instant occurredAt,
        @JsonFormat(pattern = "uuuu-MM-dd'T'HH:mm:ss.SSSSSSX", timezone = "UTC") Instant recordedAt,
        String modelVersion, String actor, String clientEventId, JsonNode payload, String prevHash, String hash) {

    /** Plain Jackson: a payload record's fields are read by name, whatever the app's settings. */
    private static final ObjectMapper PAYLOADS = new ObjectMapper();

    /**
     * The payload as the record its writer recorded; empty where a field has another type than the
     * record's, e.g. an event a client sent through the ingest API. A missing field reads as null.
     */
    public static <T> Optional<T> read(JsonNode payload, Class<T> type) {
        try {
            return Optional.of(PAYLOADS.treeToValue(payload, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public <T> Optional<T> payloadAs(Class<T> type) {
        return read(payload, type);
    }
}
