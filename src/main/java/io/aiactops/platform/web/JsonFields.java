package io.aiactops.platform.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.time.IsoInstants;

/**
 * Reads the fields of one JSON object of a request, refusing bad values with an
 * {@link InvalidFieldException} that names the field by its path, e.g. {@code [2].value}.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object at {@code path} ("" for the body itself), allowing only the given field names. */
    public static JsonFields of(JsonNode node, String path, Set<String> allowed) {
        JsonFields fields = of(node, path);
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidFieldException(pathOf(path, name), "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
        return fields;
    }

    /**
     * The object at {@code path}, ignoring fields it does not know: for payloads of other tools that
     * add fields in new versions (Alertmanager), where refusing them would lose notifications.
     */
    public static JsonFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException(path.isEmpty() ? "$" : path, "must be a JSON object");
        }
        return new JsonFields(node, path);
    }

    public String path(String name) {
        return pathOf(path, name);
    }

    public boolean has(String name) {
        return node.hasNonNull(name);
    }

    /** An optional true or false; {@code false} when absent. */
    public boolean flag(String name) {
        JsonNode value = value(name, false);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidFieldException(path(name), "must be true or false");
        }
        return value.booleanValue();
    }

    public String text(String name, boolean required, int maxLength) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidFieldException(path(name), "must be a string");
        }
        String text = value.textValue();
        if (required && text.isBlank()) {
            throw new InvalidFieldException(path(name), "must not be blank");
        }
        if (text.length() > maxLength) {
            throw new InvalidFieldException(path(name), "must be at most " + maxLength + " characters");
        }
        return text;
    }

    public String text(String name, boolean required, String pattern, String patternMessage) {
        String text = text(name, required, 500);
        if (text != null && !text.matches(pattern)) {
            throw new InvalidFieldException(path(name), patternMessage);
        }
        return text;
    }

    /** A finite JSON number (not a string holding one). */
    public BigDecimal number(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidFieldException(path(name), "must be a number");
        }
        BigDecimal number = value.decimalValue();
        if (number.abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) > 0) {
            throw new InvalidFieldException(path(name), "is too large");
        }
        return number;
    }

    /** An ISO-8601 date-time with offset, e.g. {@code 2026-11-25T09:30:00Z}. */
    public Instant instant(String name, boolean required) {
        String text = text(name, required, 64);
        if (text == null) {
            return null;
        }
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(path(name), "must be an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00Z");
        }
    }

    /** A positive ISO-8601 duration, e.g. {@code PT1H}. */
    public Duration duration(String name, boolean required) {
        String text = text(name, required, 64);
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidFieldException(path(name), "must be a positive duration");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(path(name), "must be an ISO-8601 duration, e.g. PT1H");
        }
    }

    /** An object of string values, e.g. labels. */
    public Map<String, String> strings(String name, int maxEntries, int maxLength) {
        JsonNode value = value(name, false);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidFieldException(path(name), "must be a JSON object of strings");
        }
        if (value.size() > maxEntries) {
            throw new InvalidFieldException(path(name), "must have at most " + maxEntries + " entries");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entryPath = path(name) + "." + entry.getKey();
            if (!entry.getValue().isTextual()) {
                throw new InvalidFieldException(entryPath, "must be a string");
            }
            if (entry.getKey().length() > maxLength || entry.getValue().textValue().length() > maxLength) {
                throw new InvalidFieldException(entryPath, "names and values must be at most " + maxLength + " characters");
            }
            strings.put(entry.getKey(), entry.getValue().textValue());
        }
        return strings;
    }

    private JsonNode value(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidFieldException(path(name), "is required");
            }
            return null;
        }
        return value;
    }

    private static String pathOf(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
