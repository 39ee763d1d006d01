package io.aiactops.logs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of a register event: SHA-256 (lower-case hex) of the UTF-8 bytes of its canonical
 * envelope, the JSON object of all its fields but {@code hash}, previous hash included. Keys in
 * code point order, so the envelope is written in that fixed order. docs/log-register.md.
 */
final class ChainHash {

    /** The previous hash of the first event of every chain. */
    static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    /** Register timestamps: UTC, exactly six fractional digits (PostgreSQL keeps microseconds). */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    static String envelope(String systemId, long seq, String type, String occurredAt, String recordedAt,
            String modelVersion, String actor, String clientEventId, String canonicalPayload, String prevHash) {
        StringBuilder out = new StringBuilder(160 + canonicalPayload.length());
        out.append("{\"actor\":");
        CanonicalJson.string(actor, out);
        out.append(",\"clientEventId\":");
        nullable(clientEventId, out);
        out.append(",\"modelVersion\":");
        nullable(modelVersion, out);
        out.append(",\"occurredAt\":\"").append(occurredAt);
        out.append("\",\"payload\":").append(canonicalPayload);
        out.append(",\"prevHash\":");
        CanonicalJson.string(prevHash, out);
        out.append(",\"recordedAt\":\"").append(recordedAt);
        out.append("\",\"seq\":").append(seq);
        out.append(",\"systemId\":");
        CanonicalJson.string(systemId, out);
        out.append(",\"type\":");
        CanonicalJson.string(type, out);
        return out.append('}').toString();
    }

    /** The envelope of a stored event, as verification and the export recompute it. */
    static String envelope(LogEvent event) {
        return envelope(event.systemId(), event.seq(), event.type(), timestamp(event.occurredAt()),
                timestamp(event.recordedAt()), event.modelVersion(), event.actor(), event.clientEventId(),
                CanonicalJson.write(event.payload()), event.prevHash());
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void nullable(String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else {
            CanonicalJson.string(value, out);
        }
    }
}
