package io.aiactops.logs;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes valid chains straight into a PostgreSQL register with COPY, as a superuser, much faster than
 * the HTTP API: for tests that need events recorded in the past (a populated database before an
 * upgrade, partitions old enough to drop) and for the growth benchmark. The hashes are the register's
 * own ({@link ChainHash}, {@link CanonicalJson}), so the API and the offline verifier verify them.
 */
public final class RegisterSeeder {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a system's chain ends with after seeding. */
    public record Head(long lastSeq, String lastHash) {
    }

    private RegisterSeeder() {
    }

    /** Registers a system directly in the tables (as the registry would), with an empty chain. */
    public static void createSystem(Connection c, String id, int retentionDays, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ai_system (id, name, intended_purpose, provider_name, provider_contact, annex_iii_category,
                    log_retention_days, status, status_changed_at, status_changed_by, created_at, created_by, updated_at,
                    updated_by)
                VALUES (?, ?, 'Seeded for a test or benchmark', 'Seeder', 'seeder@example.org', '5b', ?, 'ACTIVE', ?,
                    'seeder', ?, 'seeder', ?, 'seeder')""")) {
            Timestamp time = Timestamp.from(at);
            s.setString(1, id);
            s.setString(2, "Seeded " + id);
            s.setInt(3, retentionDays);
            s.setTimestamp(4, time);
            s.setTimestamp(5, time);
            s.setTimestamp(6, time);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO log_chain_head (system_id, last_seq, last_hash, "
                + "anchor_seq, anchor_hash) VALUES (?, 0, ?, 0, ?)")) {
            s.setString(1, id);
            s.setString(2, ChainHash.GENESIS);
            s.setString(3, ChainHash.GENESIS);
            s.executeUpdate();
        }
    }

    /**
     * Appends {@code count} events to a system's chain, the first recorded at {@code first} and each
     * next one {@code step} later, in transactions of up to 50,000 events under the chain head's lock.
     * One event in ten is a {@code monitoring_signal}, the rest {@code inference}s with a client event
     * id; each occurred 40 ms before it was recorded. Creates missing partitions first where the
     * database has partitions.
     */
    public static Head append(Connection c, String systemId, Instant first, Duration step, long count)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            ensurePartitions(c, first, first.plus(step.multipliedBy(Math.max(count - 1, 0))));
            c.commit();
            Head head = null;
            for (long done = 0; done < count; ) {
                int batch = (int) Math.min(50_000, count - done);
                head = appendBatch(c, systemId, first.plus(step.multipliedBy(done)), step, batch);
                c.commit();
                done += batch;
            }
            return head;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void ensurePartitions(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regproc('log_event_ensure_partitions') IS NOT NULL");
                ResultSet rs = exists.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return; // the schema before partitions
            }
        }
        long months = Duration.between(from, to).toDays() / 28 + 1;
        try (PreparedStatement s = c.prepareStatement("SELECT log_event_ensure_partitions(?, ?)")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setInt(2, (int) Math.min(months, 120));
            s.execute();
        }
    }

    private static Head appendBatch(Connection c, String systemId, Instant first, Duration step, int count)
            throws SQLException {
        long seq;
        String prevHash;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT last_seq, last_hash FROM log_chain_head WHERE system_id = ? FOR UPDATE")) {
            s.setString(1, systemId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no chain for " + systemId);
                }
                seq = rs.getLong(1);
                prevHash = rs.getString(2);
            }
        }
        StringBuilder text = new StringBuilder(count * 600);
        for (int i = 0; i < count; i++) {
            seq++;
            Instant recorded = first.plus(step.multipliedBy(i));
            String recordedAt = ChainHash.timestamp(recorded);
            String occurredAt = ChainHash.timestamp(recorded.minusMillis(40));
            boolean signal = seq % 10 == 0;
            String type = signal ? "monitoring_signal" : "inference";
            String clientEventId = signal ? null : systemId + "-" + seq;
            ObjectNode payload = JSON.createObjectNode();
            if (signal) {
                payload.put("metric", "accuracy").put("value", 0.9 + (seq % 7) / 100.0);
            } else {
                payload.put("inputRef", "s3://requests/" + systemId + "/" + seq + ".json");
                payload.putObject("output").put("score", (seq % 100) / 100.0).put("decision", seq % 3 == 0 ? "refer" : "accept");
                payload.put("confidence", 0.91);
                payload.putObject("features").put("income_band", "B" + seq % 5).put("region", "EU-" + seq % 27)
                        .put("applicant_age_band", "30-39").put("requested_amount", 1000 + seq % 9000);
            }
            String canonical = CanonicalJson.write(payload);
            String modelVersion = "1.4.2";
            String actor = "ingest";
            String hash = new ChainHash.Partial(ChainHash.prefix(actor, clientEventId, modelVersion, occurredAt, canonical))
                    .finish(ChainHash.suffix(prevHash, recordedAt, seq, systemId, type));
            text.append(systemId).append('\t').append(seq).append('\t').append(type).append('\t').append(occurredAt)
                    .append('\t').append(recordedAt).append('\t').append(modelVersion).append('\t').append(actor)
                    .append('\t').append(clientEventId == null ? "\\N" : clientEventId).append('\t')
                    .append(canonical.replace("\\", "\\\\")).append('\t').append(prevHash).append('\t').append(hash)
                    .append('\n');
            prevHash = hash;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY log_event (system_id, seq, type, "
                + "occurred_at, recorded_at, model_version, actor, client_event_id, payload, prev_hash, hash) FROM STDIN");
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        try (PreparedStatement s = c.prepareStatement("UPDATE log_chain_head SET last_seq = ?, last_hash = ? WHERE system_id = ?")) {
            s.setLong(1, seq);
            s.setString(2, prevHash);
            s.setString(3, systemId);
            s.executeUpdate();
        }
        return new Head(seq, prevHash);
    }
}
