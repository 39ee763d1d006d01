package io.aiactops.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.time.IsoInstants;

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

    private final StoredJson payloads = new StoredJson();

    void write(StoredRow row, Utf8Buffer out) {
        out.ascii("{\"actor\":");
        string(row.actor(), out);
        out.ascii(",\"clientEventId\":");
        nullable(row.clientEventId(), out);
        out.ascii(",\"modelVersion\":");
        nullable(row.modelVersion(), out);
        out.ascii(",\"occurredAt\":\"");
        timestamp(row.occurredAt(), out);
        out.ascii("\",\"payload\":");
        if (!payloads.canonical(row.payload(), out)) {
            out.text(CanonicalJson.write(readTree(row.payload())));
        }
        out.ascii(",\"prevHash\":");
        string(row.prevHash(), out);
        out.ascii(",\"recordedAt\":\"");
        timestamp(row.recordedAt(), out);
        out.ascii("\",\"seq\":").decimal(row.seq())
                .ascii(",\"systemId\":");
        string(row.systemId(), out);
        out.ascii(",\"type\":");
        string(row.type(), out);
        out.ascii('}');
    }

    /** The register's form ({@code ChainHash.timestamp}) of a timestamp as the database prints it. */
    static String timestamp(String printed) {
        return ChainHash.timestamp(IsoInstants.parse(iso(printed)));
    }

    /**
     * {@link #timestamp(String)} written out. Where the JVM's zone is UTC (the driver prints in it), the
     * database's text is {@code 2026-11-25 09:30:00.5+00}: that form is copied, its fraction padded to six
     * digits, without being parsed (a fifth of a verification's hashing thread went to parsing it); any
     * other form is parsed.
     */
    static void timestamp(String printed, Utf8Buffer out) {
        int n = printed.length();
        int digits = n - 23; // of the fraction, after "yyyy-MM-dd HH:mm:ss." and before "+00"
        boolean utc = (n == 22 || digits >= 1 && digits <= 6 && printed.charAt(19) == '.')
                && printed.charAt(10) == ' ' && printed.startsWith("+00", n - 3)
                && digitsAt(printed, 0, 4) && printed.charAt(4) == '-' && digitsAt(printed, 5, 2) && printed.charAt(7) == '-'
                && digitsAt(printed, 8, 2) && digitsAt(printed, 11, 2) && printed.charAt(13) == ':'
                && digitsAt(printed, 14, 2) && printed.charAt(16) == ':' && digitsAt(printed, 17, 2)
                && (n == 22 || digitsAt(printed, 20, digits));
        if (!utc) {
            out.ascii(timestamp(printed));
            return;
        }
        out.ascii(printed, 0, 10).ascii('T').ascii(printed, 11, 19).ascii('.');
        if (n > 22) {
            out.ascii(printed, 20, 20 + digits);
        }
        for (int i = Math.max(digits, 0); i < 6; i++) {
            out.ascii('0');
        }
        out.ascii('Z');
    }

    private static boolean digitsAt(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * PostgreSQL and H2 print {@code 2026-11-25 10:30:00.5+01}: ISO-8601 but for the space before the
     * time and the offset without its minutes.
     */
    private static String iso(String printed) {
        int n = printed.length();
        String text = n > 10 && printed.charAt(10) == ' ' ? printed.replace(' ', 'T') : printed;
        return n > 3 && (printed.charAt(n - 3) == '+' || printed.charAt(n - 3) == '-') ? text + ":00" : text;
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
