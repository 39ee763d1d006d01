package io.aiactops.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aiactops.platform.time.IsoInstants;
import io.aiactops.platform.web.BoundedInputStream;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonReadErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads an ingest request (a JSON array of events, or NDJSON: one event per line) into validated
 * events, streaming, before any database work. The first bad event is named by its index and
 * field, e.g. {@code [3].type}; nothing of a rejected request is stored.
 */
@Component
public class LogBatchParser {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private static final Set<String> FIELDS = Set.of("type", "occurredAt", "modelVersion", "clientEventId", "payload");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final ObjectMapper reader;
    private final ObjectReader lineReader;
    private final LogsProperties properties;

    LogBatchParser(LogsProperties properties) {
        this.properties = properties;
        // Exact decimals and no duplicate keys: what is hashed must be exactly what was sent.
        this.reader = JsonMapper.builder()
                // Caught while the tree is built, at no extra cost (the parser's own detection keeps a
                // set of names per object).
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
        this.lineReader = reader.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    List<NewLogEvent> parse(String contentType, long contentLength, InputStream body) {
        MediaType type = mediaType(contentType);
        long limit = properties.maxRequestSize().toBytes();
        if (contentLength > limit) {
            throw tooLarge(limit);
        }
        InputStream bounded = new BoundedInputStream(body, limit);
        try {
            return NDJSON.isCompatibleWith(type) ? ndjson(bounded) : jsonArray(bounded);
        } catch (BoundedInputStream.LimitExceeded e) {
            throw tooLarge(limit);
        } catch (IOException e) {
            throw new InvalidFieldException("$", "the request body could not be read: " + e.getMessage());
        }
    }

    /**
     * One event as the ingest API takes it, sent alone (a Kafka record): the same rules, and
     * {@code defaultClientEventId} where the sender gave no {@code clientEventId}.
     */
    public NewLogEvent event(byte[] json, String defaultClientEventId) {
        if (json == null || json.length == 0) {
            throw new InvalidFieldException("$", "the message holds no event");
        }
        JsonNode node;
        try {
            node = lineReader.readValue(json);
        } catch (JsonProcessingException e) {
            throw malformed("$", e);
        } catch (IOException e) {
            throw new InvalidFieldException("$", "is not JSON");
        }
        NewLogEvent event = event("$", node);
        return event.clientEventId() != null ? event : new NewLogEvent(event.type(), event.occurredAt(),
                event.modelVersion(), defaultClientEventId, event.canonicalPayload());
    }

    /** One event of the request, at JSON path {@code at}. */
    NewLogEvent event(String at, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidFieldException(at, "an event must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidFieldException(at + "." + name, "unknown field; events have " + String.join(", ",
                        List.of("type", "occurredAt", "modelVersion", "clientEventId", "payload")));
            }
        }
        LogEventType type = type(at, node.get("type"));
        Instant occurredAt = occurredAt(at, node.get("occurredAt"));
        // Paths are put together only for an error: this runs for every event of a batch.
        String modelVersion = text(at, "modelVersion", node.get("modelVersion"), 64);
        String clientEventId = text(at, "clientEventId", node.get("clientEventId"), 200);
        JsonNode payload = node.get("payload");
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            throw new InvalidFieldException(at + ".payload", "must be a JSON object");
        }
        if (type == LogEventType.INFERENCE) {
            inference(at, payload);
        }
        String canonical;
        try {
            canonical = payload == null || payload.isNull() ? "{}" : CanonicalJson.write(payload);
        } catch (CanonicalJson.InvalidValueException e) {
            throw new InvalidFieldException(at + ".payload" + e.path(), e.getMessage());
        }
        return new NewLogEvent(type, occurredAt, modelVersion, clientEventId, canonical);
    }

    private List<NewLogEvent> jsonArray(InputStream body) throws IOException {
        List<NewLogEvent> events = new ArrayList<>();
        try (JsonParser parser = reader.createParser(body)) {
            try {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new InvalidFieldException("$",
                            "a JSON array of events is expected (or one event per line as application/x-ndjson)");
                }
            } catch (JsonProcessingException e) {
                throw malformed("$", e);
            }
            while (true) {
                String at = "[" + events.size() + "]";
                JsonNode node;
                try {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        break;
                    }
                    tooMany(events.size());
                    node = parser.readValueAsTree();
                } catch (JsonProcessingException e) {
                    throw malformed(at, e);
                }
                events.add(event(at, node));
            }
            try {
                if (parser.nextToken() != null) {
                    throw new InvalidFieldException("$", "unexpected content after the array of events");
                }
            } catch (JsonProcessingException e) {
                throw malformed("$", e);
            }
        }
        if (events.isEmpty()) {
            throw new InvalidFieldException("$", "the array holds no events");
        }
        return events;
    }

    private List<NewLogEvent> ndjson(InputStream body) throws IOException {
        List<NewLogEvent> events = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String at = "[" + events.size() + "]";
            tooMany(events.size());
            JsonNode node;
            try {
                node = lineReader.readValue(line);
            } catch (JsonProcessingException e) {
                throw new InvalidFieldException(at, JsonReadErrors.malformed(e, lineNumber - 1));
            }
            events.add(event(at, node));
        }
        if (events.isEmpty()) {
            throw new InvalidFieldException("$", "the body holds no events");
        }
        return events;
    }

    private void tooMany(int count) {
        if (count >= properties.maxEventsPerRequest()) {
            throw new InvalidFieldException("$", "at most " + properties.maxEventsPerRequest()
                    + " events per request; split the batch");
        }
    }

    private static LogEventType type(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidFieldException(at + ".type", "is required; one of " + LogEventType.appendableWireNames());
        }
        LogEventType type = node.isTextual() ? LogEventType.fromWireName(node.textValue()) : null;
        if (type == null) {
            throw new InvalidFieldException(at + ".type", "unknown event type " + node + "; one of "
                    + LogEventType.appendableWireNames());
        }
        if (type.recordedBy() != null) {
            throw new InvalidFieldException(at + ".type", type.wireName() + " is recorded by aiact-ops itself, through "
                    + type.recordedBy() + "; a client appends " + LogEventType.appendableWireNames());
        }
        return type;
    }

    private static Instant occurredAt(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Instant instant;
        try {
            instant = !node.isTextual() ? null : IsoInstants.parse(node.textValue());
        } catch (DateTimeParseException e) {
            instant = null;
        }
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidFieldException(at + ".occurredAt",
                    "an ISO-8601 time with offset between 1970 and 9999 is expected, e.g. 2026-11-25T09:30:00Z");
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(String event, String field, JsonNode node, int maxLength) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new InvalidFieldException(event + "." + field, "a non-empty string is expected");
        }
        String value = node.textValue();
        if (value.length() > maxLength) {
            throw new InvalidFieldException(event + "." + field, "at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidFieldException(event + "." + field, "must not contain control characters");
            }
        }
        String problem = CanonicalJson.stringProblem(value);
        if (problem != null) {
            throw new InvalidFieldException(event + "." + field, problem);
        }
        return value;
    }

    /** An inference records what went in and what came out (Art. 12(3)); confidence is optional. */
    private static void inference(String event, JsonNode payload) {
        if (payload == null || !payload.hasNonNull("inputRef") || !payload.get("inputRef").isTextual()) {
            throw new InvalidFieldException(event + ".payload.inputRef", "an inference needs the reference of its input (a string)");
        }
        if (!payload.has("output")) {
            throw new InvalidFieldException(event + ".payload.output", "an inference needs its output");
        }
        JsonNode confidence = payload.get("confidence");
        if (confidence != null && !confidence.isNull()
                && (!confidence.isNumber() || confidence.doubleValue() < 0 || confidence.doubleValue() > 1)) {
            throw new InvalidFieldException(event + ".payload.confidence", "a number between 0 and 1 is expected");
        }
    }

    private static MediaType mediaType(String contentType) {
        MediaType type = null;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            // reported below like any other unsupported type
        }
        if (type == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || NDJSON.isCompatibleWith(type))
                || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new InvalidFieldException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                    "send application/json (an array of events) or application/x-ndjson (one event per line), not "
                            + (contentType == null ? "no content type" : contentType));
        }
        return type;
    }

    private static InvalidFieldException malformed(String at, JsonProcessingException e) {
        return new InvalidFieldException(at, JsonReadErrors.malformed(e));
    }

    private static InvalidFieldException tooLarge(long limit) {
        return new InvalidFieldException(HttpStatus.PAYLOAD_TOO_LARGE, "$",
                "the body exceeds " + limit + " bytes; split the batch");
    }
}
