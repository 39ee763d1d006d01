package io.aiactops.monitoring.builtin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.jdbc.JdbcTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state rows of the built-in monitors ({@code builtin_monitor}) and their buckets ({@code builtin_monitor_bucket}). */
@Repository
class MonitorStates {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ObjectMapper objectMapper;

    MonitorStates(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.objectMapper = objectMapper;
    }

    /** One monitor of a system's current plan, with how far it has read the register and emitted windows. */
    record State(String systemId, int planVersion, Monitor monitor, FrozenReference reference, long lastSeq,
            Instant nextWindowEnd, Instant emittedThrough) {

        String metric() {
            return monitor.metric();
        }
    }

    /** A bucket of one monitor: its start and key. */
    record BucketId(Instant start, String key) {
    }

    List<String> systems() {
        return jdbc.sql("SELECT DISTINCT system_id FROM builtin_monitor ORDER BY system_id").query(String.class).list();
    }

    List<State> of(String systemId) {
        return jdbc.sql("SELECT * FROM builtin_monitor WHERE system_id = ? ORDER BY metric").param(systemId)
                .query(this::state).list();
    }

    /**
     * Locks the system's monitors until the transaction ends; the rows another node holds are
     * skipped, not waited for: that node is running them.
     */
    List<State> lock(String systemId) {
        return jdbc.sql("SELECT * FROM builtin_monitor WHERE system_id = ? ORDER BY metric FOR UPDATE SKIP LOCKED")
                .param(systemId).query(this::state).list();
    }

    void insert(State state) {
        jdbc.sql("""
                INSERT INTO builtin_monitor (system_id, metric, plan_version, definition, frozen_reference, last_seq,
                    next_window_end, emitted_through) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(state.systemId(), state.metric(), state.planVersion(), json(state.monitor()),
                        state.reference() == null ? null : json(state.reference()), state.lastSeq(),
                        JdbcTime.utc(state.nextWindowEnd()), null)
                .update();
    }

    void keep(String systemId, String metric, int planVersion) {
        jdbc.sql("UPDATE builtin_monitor SET plan_version = ? WHERE system_id = ? AND metric = ?")
                .params(planVersion, systemId, metric).update();
    }

    /** Removes a monitor and its buckets. */
    void delete(String systemId, String metric) {
        jdbc.sql("DELETE FROM builtin_monitor_bucket WHERE system_id = ? AND metric = ?").params(systemId, metric).update();
        jdbc.sql("DELETE FROM builtin_monitor WHERE system_id = ? AND metric = ?").params(systemId, metric).update();
    }

    void advance(String systemId, String metric, long lastSeq, Instant nextWindowEnd, Instant emittedThrough) {
        jdbc.sql("""
                UPDATE builtin_monitor SET last_seq = ?, next_window_end = ?, emitted_through = ?
                WHERE system_id = ? AND metric = ?""")
                .params(lastSeq, JdbcTime.utc(nextWindowEnd), emittedThrough == null ? null : JdbcTime.utc(emittedThrough),
                        systemId, metric)
                .update();
    }

    /** Adds counts and sums to the buckets: an update of those that exist, an insert of the others. */
    void add(String systemId, String metric, Map<BucketId, Evaluator.Sum> sums) {
        if (sums.isEmpty()) {
            return;
        }
        List<Map.Entry<BucketId, Evaluator.Sum>> entries = new ArrayList<>(sums.entrySet());
        int[] updated = jdbcTemplate.batchUpdate("""
                UPDATE builtin_monitor_bucket SET event_count = event_count + ?, value_sum = value_sum + ?
                WHERE system_id = ? AND metric = ? AND bucket_start = ? AND bucket_key = ?""",
                entries.stream().map(e -> new Object[] {e.getValue().count(), e.getValue().sum(), systemId, metric,
                        JdbcTime.utc(e.getKey().start()), e.getKey().key()}).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (updated[i] == 0) {
                Map.Entry<BucketId, Evaluator.Sum> e = entries.get(i);
                inserts.add(new Object[] {systemId, metric, JdbcTime.utc(e.getKey().start()), e.getKey().key(),
                        e.getValue().count(), e.getValue().sum()});
            }
        }
        if (!inserts.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO builtin_monitor_bucket (system_id, metric, bucket_start, bucket_key, event_count, value_sum)
                    VALUES (?, ?, ?, ?, ?, ?)""", inserts);
        }
    }

    /** The sums by key of the monitor's buckets that start in [from, to). */
    Map<String, Evaluator.Sum> sum(String systemId, String metric, Instant from, Instant to) {
        Map<String, Evaluator.Sum> sums = new HashMap<>();
        jdbc.sql("""
                SELECT bucket_key, sum(event_count) AS n, sum(value_sum) AS s FROM builtin_monitor_bucket
                WHERE system_id = ? AND metric = ? AND bucket_start >= ? AND bucket_start < ? GROUP BY bucket_key""")
                .params(systemId, metric, JdbcTime.utc(from), JdbcTime.utc(to))
                .query(rs -> {
                    sums.put(rs.getString("bucket_key"), new Evaluator.Sum(rs.getLong("n"), rs.getDouble("s")));
                });
        return sums;
    }

    /** Drops the buckets no future window covers. */
    void purge(String systemId, String metric, Instant before) {
        jdbc.sql("DELETE FROM builtin_monitor_bucket WHERE system_id = ? AND metric = ? AND bucket_start < ?")
                .params(systemId, metric, JdbcTime.utc(before)).update();
    }

    private State state(ResultSet rs, int n) throws SQLException {
        try {
            String reference = rs.getString("frozen_reference");
            return new State(rs.getString("system_id"), rs.getInt("plan_version"),
                    objectMapper.readValue(rs.getString("definition"), Monitor.class),
                    reference == null ? null : objectMapper.readValue(reference, FrozenReference.class),
                    rs.getLong("last_seq"), JdbcTime.instant(rs, "next_window_end"),
                    JdbcTime.instant(rs, "emitted_through"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable built-in monitor " + rs.getString("metric") + " of "
                    + rs.getString("system_id"), e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
