package io.aiactops.serving;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /**
     * A locked row; {@code requestHalf}/{@code responseHalf} hold a pending half as stored JSON. The
     * {@code with}-methods give the row as a transaction leaves it, written by {@link #save}.
     */
    record Pair(String systemId, String ceId, State requestState, State responseState, String requestHalf,
            String responseHalf, Instant dueAt, String aloneClientEventId, Long aloneSeq, Instant settledAt) {

        /** The row of an id nothing was received for. */
        static Pair absent(String systemId, String ceId) {
            return new Pair(systemId, ceId, null, null, null, null, null, null, null, null);
        }

        State state(boolean request) {
            return request ? requestState : responseState;
        }

        String half(boolean request) {
            return request ? requestHalf : responseHalf;
        }

        /** This half kept until its partner comes, or until {@code dueAt}. */
        Pair withPending(boolean request, String half, Instant dueAt) {
            return with(request, State.PENDING, half, dueAt, aloneClientEventId, aloneSeq, settledAt);
        }

        /** Both halves recorded as one event: nothing waits. */
        Pair withPairRecorded(Instant now) {
            return new Pair(systemId, ceId, State.RECORDED, State.RECORDED, null, null, null, aloneClientEventId,
                    aloneSeq, now);
        }

        /** This half recorded alone after the wait, as the event a late partner will reference. */
        Pair withAloneRecorded(boolean request, String clientEventId, long seq, Instant now) {
            return with(request, State.RECORDED, null, null, clientEventId, seq, now);
        }

        /** This half came after its partner was recorded alone, and is recorded as its own event. */
        Pair withLateRecorded(boolean request) {
            return with(request, State.RECORDED, half(request), dueAt, aloneClientEventId, aloneSeq, settledAt);
        }

        private Pair with(boolean request, State state, String half, Instant dueAt, String aloneClientEventId,
                Long aloneSeq, Instant settledAt) {
            return new Pair(systemId, ceId, request ? state : requestState, request ? responseState : state,
                    request ? half : requestHalf, request ? responseHalf : half, dueAt, aloneClientEventId, aloneSeq,
                    settledAt);
        }
    }

    /**
     * The rows locked, those of them the statement created, and the system's status read by the same
     * statement ({@code null}: no such system).
     */
    record Locked(String systemStatus, Map<String, Pair> pairs, Set<String> created) {
    }

    record Key(String systemId, String ceId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Registry registry;
    private final boolean postgres;

    InferencePairs(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Registry registry, DataSource dataSource)
            throws SQLException {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.registry = registry;
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        }
    }

    /**
     * The rows of these ids, locked until the transaction ends. Where an id has none, its row in
     * {@code ifAbsent} is created (a half kept pending, or an empty row) and the id is in
     * {@link Locked#created}. Callers sort {@code ifAbsent} by id, so that two transactions lock alike.
     * No row is created for a system that is unknown or withdrawn.
     */
    Locked lock(String systemId, List<Pair> ifAbsent, Instant now) {
        Map<String, Pair> locked = new HashMap<>();
        Set<String> created = new HashSet<>();
        if (postgres) {
            // One round trip: the no-op update of an existing row locks it (a concurrent insert of the
            // same id waits for the other transaction), RETURNING gives each row either way (xmax = 0: one
            // this statement inserted), and the outer join gives the status even where no row is returned.
            String[] status = new String[1];
            jdbc.sql("WITH system AS (SELECT status FROM ai_system WHERE id = ?), "
                    + "locked AS (INSERT INTO cloudevent_pair (system_id, ce_id, first_received_at, request_state, "
                    + "response_state, request_half, response_half, due_at) "
                    + "SELECT ?, r.id, ?, r.request_state, r.response_state, r.request_half, r.response_half, "
                    + "CAST(r.due_at AS timestamptz) FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), "
                    + "CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[])) "
                    + "WITH ORDINALITY AS r (id, request_state, response_state, request_half, response_half, due_at, n) "
                    + "WHERE EXISTS (SELECT 1 FROM system WHERE status <> '" + SystemStatus.WITHDRAWN.name() + "') "
                    + "ORDER BY r.n ON CONFLICT (system_id, ce_id) DO UPDATE SET system_id = EXCLUDED.system_id "
                    + "RETURNING *, xmax = 0 AS created) "
                    + "SELECT (SELECT status FROM system) AS system_status, locked.* FROM (VALUES (1)) AS one "
                    + "LEFT JOIN locked ON true")
                    .params(systemId, systemId, JdbcTime.utc(now), column(ifAbsent, Pair::ceId),
                            column(ifAbsent, pair -> name(pair.requestState())),
                            column(ifAbsent, pair -> name(pair.responseState())), column(ifAbsent, Pair::requestHalf),
                            column(ifAbsent, Pair::responseHalf),
                            column(ifAbsent, pair -> pair.dueAt() == null ? null : pair.dueAt().toString()))
                    .query((RowCallbackHandler) rs -> {
                        status[0] = rs.getString("system_status");
                        if (rs.getString("ce_id") != null) {
                            Pair pair = pair(rs);
                            locked.put(pair.ceId(), pair);
                            if (rs.getBoolean("created")) {
                                created.add(pair.ceId());
                            }
                        }
                    });
            return new Locked(status[0], locked, created);
        }
        String status = registry.status(systemId).map(SystemStatus::name).orElse(null);
        if (status == null || status.equals(SystemStatus.WITHDRAWN.name())) {
            return new Locked(status, locked, created);
        }
        for (Pair row : ifAbsent) {
            int inserted = jdbc.sql("MERGE INTO cloudevent_pair p USING (VALUES (:system, :id)) AS n (system_id, ce_id) "
                    + "ON p.system_id = n.system_id AND p.ce_id = n.ce_id WHEN NOT MATCHED THEN INSERT (system_id, ce_id, "
                    + "first_received_at, request_state, response_state, request_half, response_half, due_at) "
                    + "VALUES (n.system_id, n.ce_id, :now, :requestState, :responseState, :requestHalf, :responseHalf, :dueAt)")
                    .param("system", systemId).param("id", row.ceId()).param("now", JdbcTime.utc(now))
                    .param("requestState", name(row.requestState())).param("responseState", name(row.responseState()))
                    .param("requestHalf", row.requestHalf()).param("responseHalf", row.responseHalf())
                    .param("dueAt", JdbcTime.utc(row.dueAt())).update();
            if (inserted > 0) {
                created.add(row.ceId());
            }
            locked.put(row.ceId(), jdbc.sql("SELECT * FROM cloudevent_pair WHERE system_id = ? AND ce_id = ? FOR UPDATE")
                    .params(systemId, row.ceId()).query((rs, n) -> pair(rs)).single());
        }
        return new Locked(status, locked, created);
    }

    private static SqlArrayValue column(List<Pair> rows, Function<Pair, String> value) {
        return new SqlArrayValue("varchar", rows.stream().map(value).toArray());
    }

    /** Writes the rows as a transaction leaves them, all in one round trip; each must be locked by it. */
    void save(List<Pair> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("UPDATE cloudevent_pair SET request_state = ?, response_state = ?, request_half = ?, "
                + "response_half = ?, due_at = ?, alone_client_event_id = ?, alone_seq = ?, settled_at = ? "
                + "WHERE system_id = ? AND ce_id = ?", changed, changed.size(), (statement, pair) -> {
                    int i = 0;
                    statement.setString(++i, name(pair.requestState()));
                    statement.setString(++i, name(pair.responseState()));
                    statement.setString(++i, pair.requestHalf());
                    statement.setString(++i, pair.responseHalf());
                    statement.setObject(++i, JdbcTime.utc(pair.dueAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                    statement.setString(++i, pair.aloneClientEventId());
                    statement.setObject(++i, pair.aloneSeq(), Types.BIGINT);
                    statement.setObject(++i, JdbcTime.utc(pair.settledAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                    statement.setString(++i, pair.systemId());
                    statement.setString(++i, pair.ceId());
                });
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

    private static String name(State state) {
        return state == null ? null : state.name();
    }

    private static Pair pair(ResultSet rs) throws SQLException {
        String aloneSeq = rs.getString("alone_seq");
        return new Pair(rs.getString("system_id"), rs.getString("ce_id"), state(rs.getString("request_state")),
                state(rs.getString("response_state")), rs.getString("request_half"), rs.getString("response_half"),
                JdbcTime.instant(rs, "due_at"), rs.getString("alone_client_event_id"),
                aloneSeq == null ? null : Long.valueOf(aloneSeq), JdbcTime.instant(rs, "settled_at"));
    }

    private static State state(String value) {
        return value == null ? null : State.valueOf(value);
    }
}
