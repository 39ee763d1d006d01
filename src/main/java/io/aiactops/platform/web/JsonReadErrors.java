package io.aiactops.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.aiactops.platform.WireName;

/**
 * A value the JSON reader could not bind, said for a person: what the field expects and what it
 * received ({@code expected true or false, received "MDR"}). Jackson's own messages name Java types
 * and coercion settings, which mean nothing to the API's clients.
 */
public final class JsonReadErrors {

    private static final int MAX_ECHO = 60;
    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");

    /**
     * Jackson's words for text that is not JSON, and ours: its parser names character codes, its own
     * settings and where in its source a marker started, which tell a client nothing. In order: the
     * references to the source go first, then the characters, then the phrases.
     */
    private static final List<Map.Entry<Pattern, String>> MALFORMED = List.of(
            rule("\\s*\\((?:start marker|for \\w+ starting) at \\[Source.*?\\]\\)", ""),
            rule("(?s)\\R.*", ""),
            rule("\\(\\(CTRL-CHAR, code \\d+\\)\\)|\\(CTRL-CHAR, code \\d+\\)", "(a control character)"),
            rule("\\('(.+?)' \\(code \\d+\\)\\)", "'$1'"),
            rule(" ?\\(code \\d+\\)", ""),
            rule("(?:a valid value )?\\(JSON String, Number(?: \\(or 'NaN'/'INF'/'\\+INF'\\))?, Array, Object or token "
                    + "'null', 'true' or 'false'\\)", "a value (a string, a number, a list, an object, true, false or null)"),
            rule(": enable \\S+ to allow", " is not allowed"),
            rule("was expecting double-quote to start field name", "expected a field name in double quotes"),
            rule("was expecting comma to separate Object entries", "expected a comma between an object's fields"),
            rule("was expecting comma to separate Array entries", "expected a comma between a list's values"),
            rule("was expecting a colon to separate field name and value", "expected a colon between a field's name and its value"),
            rule("was expecting closing quote for a string value", "a string is not closed with '\"'"),
            rule("expected close marker for (?i:object)", "an object is not closed with '}'"),
            rule("expected close marker for (?i:array)", "a list is not closed with ']'"),
            rule("Unexpected end-of-input", "the JSON ends too early"),
            rule("within/between Object entries", "inside an object"),
            rule("within/between Array entries", "inside a list"),
            rule("in field name", "in a field name"),
            rule("Unexpected close marker", "unexpected closing"),
            rule("has to be escaped using backslash to be included in string value", "must be escaped with a backslash in a string"),
            rule("Illegal unquoted character", "unescaped character"),
            rule("Unrecognized token", "unknown word"),
            rule("Unrecognized character escape", "unknown escape"),
            rule("Invalid UTF-8 (?:start|middle) byte", "not UTF-8: byte"),
            rule("was expecting", "expected"),
            // The reader's limits (StreamConstraintsException).
            rule("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from `[^`]*`\\)",
                    "nested $1 levels deep, deeper than the $2 allowed"),
            rule("Number value length \\((\\d+)\\) exceeds", "a number of $1 characters exceeds"),
            rule("String value length \\((\\d+)\\) exceeds", "a string of $1 characters exceeds"),
            rule("Name length \\((\\d+)\\) exceeds", "a field name of $1 characters exceeds"),
            rule("exceeds the maximum allowed \\((\\d+), from `[^`]*`\\)", "is longer than the $1 allowed"),
            rule(",? from `[^`]*`", ""));

    private static Map.Entry<Pattern, String> rule(String jackson, String ours) {
        return Map.entry(Pattern.compile(jackson), ours);
    }

    private JsonReadErrors() {
    }

    /**
     * Text that is not JSON, said for a person: where it breaks ({@code malformed JSON at line 1, column 2})
     * and what the parser found there, in our words; or JSON beyond the reader's limits (nesting, lengths).
     */
    public static String malformed(JsonProcessingException e) {
        return malformed(e, 0);
    }

    /**
     * As {@link #malformed(JsonProcessingException)} for text read from line {@code lineOffset + 1} of a
     * body on (one line of NDJSON): the line is the body's, as the sender numbers it.
     */
    public static String malformed(JsonProcessingException e, int lineOffset) {
        var location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + (location.getLineNr() + lineOffset) + ", column " + location.getColumnNr();
        String what = String.valueOf(e.getOriginalMessage());
        for (Map.Entry<Pattern, String> rule : MALFORMED) {
            what = rule.getKey().matcher(what).replaceAll(rule.getValue());
        }
        what = what.strip();
        String kind = e instanceof StreamConstraintsException ? "JSON beyond the reader's limits" : "malformed JSON";
        return kind + where + (what.isEmpty() ? "" : ": " + Character.toLowerCase(what.charAt(0)) + what.substring(1));
    }

    /**
     * For a value bound from a tree ({@code convertValue}), where the reader has no text left to show:
     * what was received is read from {@code source} at the error's path.
     */
    public static String explain(JsonMappingException e, JsonNode source) {
        String explained = explain(e);
        if (explained.contains(", received ") || !explained.startsWith("expected ")) {
            return explained;
        }
        JsonNode value = source;
        for (JsonMappingException.Reference ref : e.getPath()) {
            value = ref.getFieldName() != null ? value.path(ref.getFieldName()) : value.path(ref.getIndex());
        }
        String received = value.isMissingNode() ? null : value.isTextual() ? echo(value.asText())
                : value.isObject() ? "an object" : value.isArray() ? "a list" : shorten(value.toString());
        return received == null ? explained : explained + ", received " + received;
    }

    public static String explain(JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid
                && invalid.getMessage() != null) {
            return invalid.getMessage(); // our own records' checks, already in words
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String received = e instanceof InvalidFormatException format ? echo(format.getValue())
                : e.getProcessor() instanceof JsonParser parser ? received(parser) : null;
        if (received == null) {
            // The reader has moved on from a rejected list or object; its message still names the token.
            Matcher token = TOKEN.matcher(String.valueOf(e.getOriginalMessage()));
            received = token.find() ? describe(JsonToken.valueOf(token.group(1))) : null;
        }
        return "expected " + (target == null ? "another kind of value" : expected(target))
                + (received == null ? "" : ", received " + received);
    }

    /** What a value of this type looks like in the API's JSON. */
    public static String expected(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class || type == Integer.class
                || type == Long.class || type == Short.class || type == Byte.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == BigDecimal.class || type == Number.class) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time with its offset in ISO-8601, such as 2026-05-04T10:15:30Z";
        }
        if (type == LocalDate.class) {
            return "a date in ISO-8601, such as 2026-05-04";
        }
        if (type == LocalDateTime.class) {
            return "a date and time in ISO-8601, such as 2026-05-04T10:15:30";
        }
        if (type == Duration.class) {
            return "a duration in ISO-8601, such as PT1H";
        }
        if (type == Period.class) {
            return "a period in ISO-8601, such as P30D";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c instanceof WireName wire ? wire.wireName() : ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object" : "another kind of value";
    }

    /** The value the reader stood on when it gave up, briefly. */
    private static String received(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return null;
        }
        try {
            return switch (token) {
                case VALUE_STRING -> echo(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> shorten(parser.getText());
                default -> describe(token);
            };
        } catch (java.io.IOException unreadable) {
            return null;
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> null;
        };
    }

    static String echo(Object value) {
        return value instanceof String text ? "\"" + shorten(text) + "\"" : shorten(String.valueOf(value));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }
}
