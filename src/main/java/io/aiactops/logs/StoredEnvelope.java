package io.aiactops.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the canonical envelope of a {@link StoredRow} as UTF-8, byte for byte what
 * {@code ChainHash.envelope} gives for the same event, straight from the columns' text: the hot
 * path of verification. What is not in the common forms takes the general path (the payload parsed
 * and canonicalised as a tree, the timestamp read by the JDK); {@code StoredEnvelopeTest} keeps the
 * two equal on random events. One instance serves a whole chain.
 */
final class StoredEnvelope {

    /** As the application's mapper reads a payload: decimals exactly. */
    private static final ObjectMapper PAYLOAD_READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Timestamps as PostgreSQL and H2 print them ({@code 2026-11-25 09:30:00.1234+01}) or as ISO-8601. */
    private static final DateTimeFormatter PRINTED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:mm:ss", "Z").toFormatter();

    private final StoredJson payloads = new StoredJson();

    void write(StoredRow row, Utf8Buffer out) {
        out.ascii("{\"actor\":");
        string(row.actor(), out);
        out.ascii(",\"clientEventId\":");
        nullable(row.clientEventId(), out);
        out.ascii(",\"modelVersion\":");
        nullable(row.modelVersion(), out);
        out.ascii(",\"occurredAt\":\"").ascii(timestamp(row.occurredAt())).ascii("\",\"payload\":");
        if (!payloads.canonical(row.payload(), out)) {
            out.text(CanonicalJson.write(readTree(row.payload())));
        }
        out.ascii(",\"prevHash\":");
        string(row.prevHash(), out);
        out.ascii(",\"recordedAt\":\"").ascii(timestamp(row.recordedAt())).ascii("\",\"seq\":").decimal(row.seq())
                .ascii(",\"systemId\":");
        string(row.systemId(), out);
        out.ascii(",\"type\":");
        string(row.type(), out);
        out.ascii('}');
    }

    /** The register's form ({@code ChainHash.timestamp}) of a timestamp as the database prints it. */
    static String timestamp(String printed) {
        Instant fast = common(printed);
        return ChainHash.timestamp(fast != null ? fast : OffsetDateTime.parse(printed, PRINTED).toInstant());
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.fraction](Z|±HH[:mm])}, separator ' ' or 'T'; else null. */
    private static Instant common(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int digits = 0;
            for (i++; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++, digits++) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
            }
            if (digits == 0 || digits > 9) {
                return null;
            }
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        int offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = 0;
        } else if ((i == n - 3 || (i == n - 6 && s.charAt(i + 3) == ':')) && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            int hours = number(s, i + 1, 2);
            int minutes = i == n - 3 ? 0 : number(s, i + 4, 2);
            if ((hours | minutes) < 0 || minutes > 59) {
                return null;
            }
            offset = (s.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3600 + minute * 60 + second - offset, nanos);
        } catch (DateTimeException e) {
            return null; // not a date: the JDK parser words the error
        }
    }

    private static int number(String s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void nullable(String value, Utf8Buffer out) {
        if (value == null) {
            out.ascii("null");
        } else {
            string(value, out);
        }
    }

    /** A string literal escaped canonically; the common printable ASCII text is written as it is. */
    private static void string(String value, Utf8Buffer out) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < ' ' || c >= 0x80 || c == '"' || c == '\\') {
                StringBuilder escaped = new StringBuilder(n + 8);
                CanonicalJson.string(value, escaped);
                out.text(escaped.toString());
                return;
            }
        }
        out.ascii('"').ascii(value).ascii('"');
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String payload) {
        try {
            return PAYLOAD_READER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not JSON", e);
        }
    }
}
