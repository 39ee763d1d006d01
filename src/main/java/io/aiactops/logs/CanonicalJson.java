package io.aiactops.logs;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.web.StorableText;

/**
 * The canonical JSON encoding that register hashes are computed over (docs/log-register.md,
 * "Canonical encoding"): object keys sorted by Unicode code point, no whitespace, strings escaped as
 * in RFC 8785, numbers in plain decimal notation without trailing zeros. It also refuses what could
 * not be stored or re-checked faithfully (NUL characters, lone surrogates, non-finite or
 * unreasonably long numbers, deep nesting), naming the offending path.
 */
final class CanonicalJson {

    static final int MAX_DEPTH = 64;
    /** Bounds the plain notation of a number, so that 1e999999999 cannot blow up to a gigabyte. */
    static final int MAX_NUMBER_DIGITS = 400;

    /** Code point order; String.compareTo is UTF-16 order, which differs above U+FFFF. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    };

    private static final Comparator<Map.Entry<String, JsonNode>> BY_KEY = (a, b) ->
            CODE_POINT_ORDER.compare(a.getKey(), b.getKey());

    private CanonicalJson() {
    }

    /** A problem in a JSON value, with the path below the value where it was found. */
    static final class InvalidValueException extends IllegalArgumentException {
        private final String path;

        InvalidValueException(String path, String message) {
            super(message);
            this.path = path;
        }

        /** Relative path such as {@code .scores[2]}, empty for the value itself. */
        String path() {
            return path;
        }
    }

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        new Writer(out).value(node, 0);
        return out.toString();
    }

    /** Appends a string literal, escaped canonically. */
    static void string(String value, StringBuilder out) {
        out.append('"');
        int length = value.length();
        int clean = 0;
        while (clean < length && value.charAt(clean) >= ' ' && value.charAt(clean) != '"' && value.charAt(clean) != '\\') {
            clean++;
        }
        out.append(value, 0, clean); // the common case: nothing to escape, one bulk copy
        for (int i = clean; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The reason a string cannot be stored and re-checked faithfully, or {@code null}. */
    static String stringProblem(String value) {
        return StorableText.problem(value);
    }

    static String number(JsonNode node) {
        if (node.isInt() || node.isLong()) {
            return Long.toString(node.longValue());
        }
        if (node.isDouble() || node.isFloat()) {
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                throw new InvalidValueException("", "numbers must be finite");
            }
        }
        BigDecimal value = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        String plain = plainWithoutTrailingZeros(value);
        if (plain != null) {
            return plain;
        }
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // Checked before toPlainString, which would expand 1e999999999 to a billion characters.
        if (stripped.precision() > MAX_NUMBER_DIGITS || Math.abs(stripped.scale()) > MAX_NUMBER_DIGITS) {
            throw new InvalidValueException("", "has more than " + MAX_NUMBER_DIGITS + " digits in plain notation");
        }
        return stripped.toPlainString();
    }

    /**
     * The canonical form straight from {@code toString()} when that is plain notation (no exponent)
     * and short: the common case of a decimal like 0.9120 needs no stripping arithmetic. {@code null}
     * when the general path must decide.
     */
    private static String plainWithoutTrailingZeros(BigDecimal value) {
        String text = value.toString();
        if (text.length() > 40 || text.indexOf('E') >= 0) {
            return null;
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text;
        }
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (end - 1 == dot) {
            end--;
        }
        String plain = text.substring(0, end);
        return plain.equals("-0") ? "0" : plain;
    }

    private static int codePointRank(char c) {
        // Moves surrogates (U+D800..U+DFFF) above U+E000..U+FFFF, which turns UTF-16 order into code point order.
        if (c >= 0xE000) {
            return c - 0x800;
        }
        return c >= 0xD800 ? c + 0x2000 : c;
    }

    private static final class Writer {
        private final StringBuilder out;
        private final Deque<Object> path = new ArrayDeque<>();

        Writer(StringBuilder out) {
            this.out = out;
        }

        void value(JsonNode node, int depth) {
            if (depth > MAX_DEPTH) {
                throw invalid("nests deeper than " + MAX_DEPTH + " levels");
            }
            switch (node.getNodeType()) {
                case OBJECT -> object(node, depth);
                case ARRAY -> array(node, depth);
                case STRING -> checkedString(node.textValue());
                case NUMBER -> checkedNumber(node);
                case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
                case NULL -> out.append("null");
                default -> throw invalid("is not a JSON value");
            }
        }

        private void object(JsonNode node, int depth) {
            // Entries, not names: no second lookup per field; sorted only when they are not already.
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
            node.fields().forEachRemaining(fields::add);
            for (int i = 1; i < fields.size(); i++) {
                if (CODE_POINT_ORDER.compare(fields.get(i - 1).getKey(), fields.get(i).getKey()) > 0) {
                    fields.sort(BY_KEY);
                    break;
                }
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : fields) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                path.push(field.getKey());
                checkedString(field.getKey());
                out.append(':');
                value(field.getValue(), depth + 1);
                path.pop();
            }
            out.append('}');
        }

        private void array(JsonNode node, int depth) {
            out.append('[');
            int index = 0;
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); index++) {
                if (index > 0) {
                    out.append(',');
                }
                path.push(index);
                value(it.next(), depth + 1);
                path.pop();
            }
            out.append(']');
        }

        private void checkedString(String value) {
            // One scan for the common string (printable, no surrogates): nothing to check or escape.
            int length = value.length();
            int i = 0;
            while (i < length) {
                char c = value.charAt(i);
                if (c < ' ' || c == '"' || c == '\\' || c >= Character.MIN_SURROGATE) {
                    break;
                }
                i++;
            }
            if (i == length) {
                out.append('"').append(value).append('"');
                return;
            }
            String problem = stringProblem(value);
            if (problem != null) {
                throw invalid(problem);
            }
            string(value, out);
        }

        private void checkedNumber(JsonNode node) {
            String text;
            try {
                text = number(node);
            } catch (InvalidValueException e) {
                throw invalid(e.getMessage());
            }
            out.append(text);
        }

        private InvalidValueException invalid(String message) {
            StringBuilder where = new StringBuilder();
            for (Iterator<Object> it = path.descendingIterator(); it.hasNext();) {
                Object segment = it.next();
                if (segment instanceof Integer index) {
                    where.append('[').append(index).append(']');
                } else {
                    where.append('.').append(segment);
                }
            }
            return new InvalidValueException(where.toString(), message);
        }
    }
}
