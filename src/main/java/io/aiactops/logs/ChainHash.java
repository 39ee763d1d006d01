package io.aiactops.logs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
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
        // By hand rather than with a DateTimeFormatter: it runs for every event, on the ingest hot path;
        // the date and time up to the second are kept per thread, as the events of a batch share them.
        long second = instant.getEpochSecond();
        LastSecond last = LAST_SECOND.get();
        if (last.epochSecond != second || last.text == null) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            int year = t.getYear();
            if (year < 0 || year > 9999) {
                return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS));
            }
            char[] text = new char[19];
            digits(text, 0, year, 4);
            text[4] = '-';
            digits(text, 5, t.getMonthValue(), 2);
            text[7] = '-';
            digits(text, 8, t.getDayOfMonth(), 2);
            text[10] = 'T';
            digits(text, 11, t.getHour(), 2);
            text[13] = ':';
            digits(text, 14, t.getMinute(), 2);
            text[16] = ':';
            digits(text, 17, t.getSecond(), 2);
            last.epochSecond = second;
            last.text = text;
        }
        char[] out = new char[27];
        System.arraycopy(last.text, 0, out, 0, 19);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1000, 6);
        out[26] = 'Z';
        return new String(out);
    }

    private static final class LastSecond {
        long epochSecond;
        char[] text;
    }

    private static final ThreadLocal<LastSecond> LAST_SECOND = ThreadLocal.withInitial(LastSecond::new);

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static String envelope(String systemId, long seq, String type, String occurredAt, String recordedAt,
            String modelVersion, String actor, String clientEventId, String canonicalPayload, String prevHash) {
        return prefix(actor, clientEventId, modelVersion, occurredAt, canonicalPayload)
                + suffix(prevHash, recordedAt, seq, systemId, type);
    }

    /**
     * The envelope up to {@code prevHash}: everything the sender chose. Digested before the chain
     * head is locked, so that appends hold the lock only to hash the short {@link #suffix}.
     */
    static String prefix(String actor, String clientEventId, String modelVersion, String occurredAt,
            String canonicalPayload) {
        return head(actor, clientEventId, modelVersion, occurredAt) + canonicalPayload + PREV_HASH_KEY;
    }

    /** The envelope before the payload. */
    static String head(String actor, String clientEventId, String modelVersion, String occurredAt) {
        StringBuilder out = new StringBuilder(160);
        out.append("{\"actor\":");
        CanonicalJson.string(actor, out);
        out.append(",\"clientEventId\":");
        nullable(clientEventId, out);
        out.append(",\"modelVersion\":");
        nullable(modelVersion, out);
        out.append(",\"occurredAt\":\"").append(occurredAt);
        return out.append("\",\"payload\":").toString();
    }

    private static final String PREV_HASH_KEY = ",\"prevHash\":";
    private static final byte[] PREV_HASH_KEY_UTF8 = PREV_HASH_KEY.getBytes(StandardCharsets.UTF_8);

    /** The rest of the envelope: what the chain assigns. */
    static String suffix(String prevHash, String recordedAt, long seq, String systemId, String type) {
        StringBuilder out = new StringBuilder(200);
        CanonicalJson.string(prevHash, out);
        out.append(",\"recordedAt\":\"").append(recordedAt);
        out.append("\",\"seq\":").append(seq);
        out.append(",\"systemId\":");
        CanonicalJson.string(systemId, out);
        out.append(",\"type\":");
        CanonicalJson.string(type, out);
        return out.append('}').toString();
    }

    /** A SHA-256 that has digested an envelope's {@link #prefix}; {@link #finish} may be called once. */
    static final class Partial {

        private final MessageDigest digest;

        Partial(String prefix) {
            digest = newDigest();
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
        }

        /** The same digest as of {@link #prefix}, fed in pieces: the payload's bytes are not copied again. */
        Partial(String head, byte[] canonicalPayloadUtf8) {
            digest = newDigest();
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(canonicalPayloadUtf8);
            digest.update(PREV_HASH_KEY_UTF8);
        }

        /**
         * The event's hash once its place is known. Leaves this prefix as it was: an event is placed again
         * when the append that placed it first found a stored id or a moved head.
         */
        String finish(String suffix) {
            MessageDigest placed;
            try {
                placed = (MessageDigest) digest.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digests of this JVM cannot be copied", e);
            }
            return HexFormat.of().formatHex(placed.digest(suffix.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The envelope of a stored event, as verification and the export recompute it. */
    static String envelope(LogEvent event) {
        return envelope(event.systemId(), event.seq(), event.type(), timestamp(event.occurredAt()),
                timestamp(event.recordedAt()), event.modelVersion(), event.actor(), event.clientEventId(),
                CanonicalJson.write(event.payload()), event.prevHash());
    }

    static String sha256(String text) {
        return hex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Cloned for every event: cheaper than looking the algorithm up among the providers each time. */
    private static final MessageDigest SHA_256 = sha256Digest();

    /** A fresh SHA-256; {@code digest()} resets it, so one serves a whole chain. */
    static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256Digest();
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
