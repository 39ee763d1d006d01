package io.aiactops.serving;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonReadErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads CloudEvents 1.0 from an HTTP request in the three modes of the HTTP protocol binding: binary
 * ({@code ce-*} headers, the body is the data), structured ({@code application/cloudevents+json}) and
 * batch ({@code application/cloudevents-batch+json}). A refusal names the header or JSON field.
 */
@Component
class CloudEventReader {

    static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");
    static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");
    private static final String SPEC_VERSION = "1.0";
    private static final String HEADER_PREFIX = "ce-";
    /** The binding's rule for attribute names, which also keeps header names sane. */
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]{1,40}");
    private static final Set<String> STRUCTURED_CONTEXT = Set.of("specversion", "id", "source", "type", "time",
            "datacontenttype", "data", "data_base64");
    private static final int MAX_ID = 200;
    private static final int MAX_SOURCE = 2000;
    private static final int MAX_EXTENSION = 16_000;

    private final ObjectMapper json;
    private final ServingProperties properties;

    CloudEventReader(ObjectMapper json, ServingProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    List<CloudEvent> read(HttpHeaders headers, byte[] body) {
        MediaType contentType = contentType(headers);
        if (contentType != null && STRUCTURED.equalsTypeAndSubtype(contentType)) {
            return List.of(structured(tree(body), ""));
        }
        if (contentType != null && BATCH.equalsTypeAndSubtype(contentType)) {
            JsonNode batch = tree(body);
            if (!batch.isArray()) {
                throw new InvalidFieldException("$", "a batch must be a JSON array of CloudEvents");
            }
            if (batch.isEmpty()) {
                throw new InvalidFieldException("$", "the batch holds no CloudEvent");
            }
            if (batch.size() > properties.maxEventsPerRequest()) {
                throw new InvalidFieldException("$", "at most " + properties.maxEventsPerRequest() + " CloudEvents per batch");
            }
            List<CloudEvent> events = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                events.add(structured(batch.get(i), "[" + i + "]"));
            }
            return events;
        }
        return List.of(binary(headers, contentType, body));
    }

    private CloudEvent binary(HttpHeaders headers, MediaType contentType, byte[] body) {
        Map<String, String> attributes = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(HEADER_PREFIX) && !values.isEmpty()) {
                String attribute = lower.substring(HEADER_PREFIX.length());
                if (!ATTRIBUTE_NAME.matcher(attribute).matches()) {
                    throw new InvalidFieldException(lower, "a CloudEvents attribute name is 1 to 40 lower-case letters or digits");
                }
                attributes.put(attribute, decodeHeader(lower, values.get(0)));
            }
        });
        specVersion(attributes.remove("specversion"), "ce-specversion");
        String id = required(attributes.remove("id"), "ce-id", MAX_ID);
        String source = required(attributes.remove("source"), "ce-source", MAX_SOURCE);
        String type = required(attributes.remove("type"), "ce-type", MAX_ID);
        Instant time = time(attributes.remove("time"), "ce-time");
        attributes.forEach((name, value) -> limit(value, HEADER_PREFIX + name));
        String dataContentType = contentType == null ? null : contentType.toString();
        byte[] data = body == null ? new byte[0] : body;
        JsonNode parsed = needsJson(dataContentType) && data.length > 0 ? json(data, "data", becauseOf(dataContentType)) : null;
        return new CloudEvent(id, source, type, time, dataContentType, attributes, parsed, parsed == null ? data : null);
    }

    private CloudEvent structured(JsonNode event, String path) {
        if (event == null || !event.isObject()) {
            throw new InvalidFieldException(path.isEmpty() ? "$" : path, "a CloudEvent must be a JSON object");
        }
        specVersion(text(event, "specversion", path), at(path, "specversion"));
        String id = required(text(event, "id", path), at(path, "id"), MAX_ID);
        String source = required(text(event, "source", path), at(path, "source"), MAX_SOURCE);
        String type = required(text(event, "type", path), at(path, "type"), MAX_ID);
        Instant time = time(text(event, "time", path), at(path, "time"));
        String dataContentType = text(event, "datacontenttype", path);
        Map<String, String> extensions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = event.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (STRUCTURED_CONTEXT.contains(field.getKey()) || field.getValue().isNull()) {
                continue;
            }
            if (!ATTRIBUTE_NAME.matcher(field.getKey()).matches() || field.getValue().isContainerNode()) {
                throw new InvalidFieldException(at(path, field.getKey()),
                        "an extension attribute has a lower-case alphanumeric name and a string, number or boolean value");
            }
            extensions.put(field.getKey(), limit(field.getValue().asText(), at(path, field.getKey())));
        }
        JsonNode data = event.get("data");
        JsonNode base64 = event.get("data_base64");
        if (data != null && !data.isNull() && base64 != null && !base64.isNull()) {
            throw new InvalidFieldException(at(path, "data_base64"), "an event carries data or data_base64, not both");
        }
        byte[] raw = null;
        if (base64 != null && !base64.isNull()) {
            try {
                raw = Base64.getDecoder().decode(base64.asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(at(path, "data_base64"), "is not Base64");
            }
            if (needsJson(dataContentType) && raw.length > 0) {
                return new CloudEvent(id, source, type, time, dataContentType, extensions,
                        json(raw, at(path, "data_base64"), becauseOf(dataContentType)), null);
            }
        } else if (data != null && !data.isNull()) {
            if (needsJson(dataContentType)) {
                return new CloudEvent(id, source, type, time, dataContentType, extensions, data, null);
            }
            if (!data.isTextual()) {
                throw new InvalidFieldException(at(path, "data"),
                        "must be a string for datacontenttype " + dataContentType + " (or use data_base64)");
            }
            raw = data.asText().getBytes(StandardCharsets.UTF_8);
        }
        return new CloudEvent(id, source, type, time, dataContentType, extensions, null, raw == null ? new byte[0] : raw);
    }

    /** JSON data is kept as JSON; absent a content type, the data of every event here is JSON. */
    static boolean needsJson(String dataContentType) {
        if (dataContentType == null || dataContentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(dataContentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json")
                    || ("text".equals(type.getType()) && "json".equals(type.getSubtype()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static MediaType contentType(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("Content-Type", "is not a media type: " + value);
        }
    }

    private JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidFieldException("$", "the body holds no CloudEvent");
        }
        return json(body, "$", "");
    }

    /** {@code because}: why these bytes must be JSON, added to the refusal ("" where it goes without saying). */
    private JsonNode json(byte[] bytes, String field, String because) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InvalidFieldException(field, "is not JSON");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidFieldException(field, JsonReadErrors.malformed(e) + because);
        } catch (IOException e) {
            throw new InvalidFieldException(field, "is not JSON" + because);
        }
    }

    /** Why an event's data must be JSON: its content type says so, or it has none ({@link #needsJson}). */
    private static String becauseOf(String dataContentType) {
        return dataContentType == null || dataContentType.isBlank()
                ? " (data without a content type must be JSON)"
                : " (data of content type " + dataContentType + " must be JSON)";
    }

    private static void specVersion(String value, String field) {
        required(value, field, 10);
        if (!SPEC_VERSION.equals(value)) {
            throw new InvalidFieldException(field, "CloudEvents " + value + " is not supported; only " + SPEC_VERSION);
        }
    }

    private static String required(String value, String field, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new InvalidFieldException(field, "the CloudEvents attribute is required");
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, "may be at most " + maxLength + " characters");
        }
        return value;
    }

    private static String limit(String value, String field) {
        if (value.length() > MAX_EXTENSION) {
            throw new InvalidFieldException(field, "may be at most " + MAX_EXTENSION + " characters");
        }
        return value;
    }

    private static Instant time(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an RFC 3339 time, e.g. 2026-11-25T09:00:00Z");
        }
    }

    private static String text(JsonNode event, String name, String path) {
        JsonNode value = event.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidFieldException(at(path, name), "must be a string");
        }
        return value.asText();
    }

    /** The binding percent-encodes header values outside printable ASCII (and '%' itself). */
    private static String decodeHeader(String header, String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(header, "has a malformed percent-encoding");
        }
    }

    private static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
