package io.aiactops.logs;

/**
 * Lines of an export. NDJSON: each event's canonical envelope with {@code "hash"} appended, which
 * is exactly what the offline verifier re-hashes. CSV: one column per field, the payload as
 * canonical JSON text.
 */
final class LogExportFormat {

    static final String CSV_HEADER = "systemId,seq,type,occurredAt,recordedAt,modelVersion,actor,clientEventId,payload,prevHash,hash\r\n";

    private LogExportFormat() {
    }

    static String ndjsonLine(LogEvent event) {
        String envelope = ChainHash.envelope(event);
        return envelope.substring(0, envelope.length() - 1) + ",\"hash\":\"" + event.hash() + "\"}\n";
    }

    static String csvLine(LogEvent event) {
        StringBuilder line = new StringBuilder(256);
        csv(line, event.systemId()).append(',').append(event.seq()).append(',');
        csv(line, event.type()).append(',').append(ChainHash.timestamp(event.occurredAt())).append(',')
                .append(ChainHash.timestamp(event.recordedAt())).append(',');
        csv(line, event.modelVersion()).append(',');
        csv(line, event.actor()).append(',');
        csv(line, event.clientEventId()).append(',');
        csv(line, CanonicalJson.write(event.payload())).append(',');
        csv(line, event.prevHash()).append(',');
        csv(line, event.hash());
        return line.append("\r\n").toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    private static StringBuilder csv(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return out.append(value);
        }
        return out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
