package io.aiactops.serving;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.aiactops.platform.jdbc.JdbcTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The pending halves of KServe request/response pairs (table {@code cloudevent_pair}). Every change
 * goes through {@link #lock}: the row lock, not JVM state, serialises the two halves of one id across
 * requests and nodes.
 */
@Repository
class InferencePairs {

    enum State {
        PENDING, RECORDED
    }

    /** A locked row; {@code requestHalf}/{@code responseHalf} hold a pending half as stored JSON. */
    record Pair(String systemId, String ceId, State requestState, State responseState, String requestHalf,
            String responseHalf, Instant dueAt, String aloneClientEventId, Long aloneSeq) {

        State state(boolean request) {
            return request ? requestState : responseState;
        }

        String half(boolean request) {
            return request ? requestHalf : responseHalf;
        }
    }

    record Key(String systemId, String ceId) {
    }

    private final JdbcClient jdbc;
    private final boolean postgres;

    InferencePairs(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        }
    }

    /**
     * The rows of these ids (in this order: callers sort them, so that two transactions lock alike),
     * created if absent, locked until the transaction ends.
     */
    Map<String, Pair> lock(String systemId, List<String> ceIds, Instant now) {
        Map<String, Pair> locked = new HashMap<>();
        if (postgres) {
            // One round trip: the no-op update of an existing row locks it (a concurrent insert of the
            // same id waits for the other transaction), and RETURNING gives each row either way.
            jdbc.sql("INSERT INTO cloudevent_pair (system_id, ce_id, first_received_at) "
                    + "SELECT ?, id, ? FROM unnest(?) WITH ORDINALITY AS ids (id, n) ORDER BY n "
                    + "ON CONFLICT (system_id, ce_id) DO UPDATE SET system_id = EXCLUDED.system_id RETURNING *")
                    .params(systemId, JdbcTime.utc(now), new SqlArrayValue("varchar", ceIds.toArray()))
                    .query(InferencePairs::pair).list().forEach(pair -> locked.put(pair.ceId(), pair));
            return locked;
        }
        for (String ceId : ceIds) {
            jdbc.sql("MERGE INTO cloudevent_pair p USING (VALUES (:system, :id, :now)) AS n (system_id, ce_id, at) "
                    + "ON p.system_id = n.system_id AND p.ce_id = n.ce_id "
                    + "WHEN NOT MATCHED THEN INSERT (system_id, ce_id, first_received_at) VALUES (n.system_id, n.ce_id, n.at)")
                    .param("system", systemId).param("id", ceId).param("now", JdbcTime.utc(now)).update();
            locked.put(ceId, jdbc.sql("SELECT * FROM cloudevent_pair WHERE system_id = ? AND ce_id = ? FOR UPDATE")
                    .params(systemId, ceId).query(InferencePairs::pair).single());
        }
        return locked;
    }

    void keepPending(Key key, boolean request, String half, Instant dueAt) {
        jdbc.sql("UPDATE cloudevent_pair SET " + column(request, "state") + " = 'PENDING', " + column(request, "half")
                + " = ?, due_at = ? WHERE system_id = ? AND ce_id = ?")
                .params(half, JdbcTime.utc(dueAt), key.systemId(), key.ceId()).update();
    }

    void pairRecorded(Key key, Instant now) {
        jdbc.sql("UPDATE cloudevent_pair SET request_state = 'RECORDED', response_state = 'RECORDED', "
                + "request_half = NULL, response_half = NULL, due_at = NULL, settled_at = ? "
                + "WHERE system_id = ? AND ce_id = ?").params(JdbcTime.utc(now), key.systemId(), key.ceId()).update();
    }

    void aloneRecorded(Key key, boolean request, String clientEventId, long seq, Instant now) {
        jdbc.sql("UPDATE cloudevent_pair SET " + column(request, "state") + " = 'RECORDED', " + column(request, "half")
                + " = NULL, due_at = NULL, alone_client_event_id = ?, alone_seq = ?, settled_at = ? "
                + "WHERE system_id = ? AND ce_id = ?")
                .params(clientEventId, seq, JdbcTime.utc(now), key.systemId(), key.ceId()).update();
    }

    void lateRecorded(Key key, boolean request) {
        jdbc.sql("UPDATE cloudevent_pair SET " + column(request, "state") + " = 'RECORDED' "
                + "WHERE system_id = ? AND ce_id = ?").params(key.systemId(), key.ceId()).update();
    }

    void reschedule(Key key, Instant dueAt) {
        jdbc.sql("UPDATE cloudevent_pair SET due_at = ? WHERE system_id = ? AND ce_id = ?")
                .params(JdbcTime.utc(dueAt), key.systemId(), key.ceId()).update();
    }

    /** Ids with a half that waited until {@code now}; read without locks, each is locked and checked again. */
    List<Key> due(Instant now, int limit) {
        return jdbc.sql("SELECT system_id, ce_id FROM cloudevent_pair WHERE due_at <= ? ORDER BY due_at LIMIT ?")
                .params(JdbcTime.utc(now), limit).query((rs, n) -> new Key(rs.getString("system_id"), rs.getString("ce_id")))
                .list();
    }

    int prune(Instant settledBefore) {
        return jdbc.sql("DELETE FROM cloudevent_pair WHERE settled_at < ? AND due_at IS NULL")
                .param(JdbcTime.utc(settledBefore)).update();
    }

    private static String column(boolean request, String suffix) {
        return (request ? "request_" : "response_") + suffix;
    }

    private static Pair pair(ResultSet rs, int row) throws SQLException {
        String aloneSeq = rs.getString("alone_seq");
        return new Pair(rs.getString("system_id"), rs.getString("ce_id"), state(rs.getString("request_state")),
                state(rs.getString("response_state")), rs.getString("request_half"), rs.getString("response_half"),
                JdbcTime.instant(rs, "due_at"), rs.getString("alone_client_event_id"),
                aloneSeq == null ? null : Long.valueOf(aloneSeq));
    }

    private static State state(String value) {
        return value == null ? null : State.valueOf(value);
    }
}
