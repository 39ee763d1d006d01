package io.aiactops.logs;

/**
 * A stored event as verification reads it: every column as the database's text ({@code occurredAt}
 * and {@code recordedAt} as it prints timestamps, {@code payload} as it prints jsonb), so that the
 * envelope is written from the text without an intermediate tree or date-time object.
 */
record StoredRow(String systemId, long seq, String type, String occurredAt, String recordedAt, String modelVersion,
        String actor, String clientEventId, String payload, String prevHash, String hash) {
}
