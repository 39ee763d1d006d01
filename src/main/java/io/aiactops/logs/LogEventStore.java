package io.aiactops.logs;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.registry.SystemStatus;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The register's tables. On PostgreSQL events are appended with COPY, which is what lets the
 * register keep up with a plain batched INSERT while it also hashes (docs/benchmarks.md); on H2 (the
 * zero-setup run) with a batched INSERT.
 */
@Repository
class LogEventStore {

    private static final String COLUMNS = "system_id, seq, type, occurred_at, recorded_at, model_version, actor, "
            + "client_event_id, payload, prev_hash, hash";
    /**
     * COPY waits for the server's go-ahead before it sends, a second round trip under the chain's lock;
     * below this many rows one batched INSERT is quicker.
     */
    private static final int COPY_FROM = 16;
    /** Distinct non-string values a monitors' page keeps parsed: bounded, as a field may be a unique number per event. */
    private static final int PARSED_PER_PAGE = 4_096;
    /** The sender's columns first, so that their COPY text can be written before the head is locked. */
    private static final String COPY_COLUMNS = "system_id, type, occurred_at, model_version, actor, client_event_id, "
            + "payload, seq, recorded_at, prev_hash, hash";
    /** The columns of {@link #head(ResultSet, int)}. */
    private static final String HEAD = "SELECT system_id, last_seq, last_hash, anchor_seq, anchor_hash";
    private static final String SELECT = "SELECT system_id, seq, type, occurred_at, recorded_at, model_version, actor, "
            + "client_event_id, CAST(payload AS VARCHAR) AS payload, prev_hash, hash FROM log_event";

    /** A row to insert: the envelope fields as hashed. */
    record Row(String systemId, long seq, String type, String occurredAt, String recordedAt, String modelVersion,
            String actor, String clientEventId, String canonicalPayload, String prevHash, String hash,
            byte[] copyColumns) {
    }

    /**
     * The COPY text of the columns the sender chose, up to and including the tab before {@code seq};
     * {@code null} where rows are not copied (H2). Appends write it before they lock the chain head.
     */
    byte[] copyColumns(String systemId, String type, String occurredAt, String modelVersion, String actor,
            String clientEventId, String canonicalPayload, byte[] canonicalPayloadUtf8) {
        if (!postgres) {
            return null;
        }
        StringBuilder text = new StringBuilder(200);
        field(text, systemId).append('\t');
        field(text, type).append('\t').append(occurredAt).append('\t');
        field(text, modelVersion).append('\t');
        field(text, actor).append('\t');
        field(text, clientEventId).append('\t');
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        // Canonical JSON has no raw control characters; only a backslash needs COPY's escaping.
        byte[] payload = canonicalPayload.indexOf('\\') < 0 ? canonicalPayloadUtf8
                : field(new StringBuilder(), canonicalPayload).toString().getBytes(StandardCharsets.UTF_8);
        byte[] columns = new byte[head.length + payload.length + 1];
        System.arraycopy(head, 0, columns, 0, head.length);
        System.arraycopy(payload, 0, columns, head.length, payload.length);
        columns[columns.length - 1] = '\t';
        return columns;
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final DataSource dataSource;
    private final ObjectMapper objectMapper;
    private final boolean postgres;

    LogEventStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DataSource dataSource, ObjectMapper objectMapper)
            throws SQLException {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.postgres = isPostgres(dataSource);
    }

    boolean isPostgres() {
        return postgres;
    }

    void createHead(String systemId) {
        jdbc.sql("INSERT INTO log_chain_head (system_id, last_seq, last_hash, anchor_seq, anchor_hash) VALUES (?, 0, ?, 0, ?)")
                .params(systemId, ChainHash.GENESIS, ChainHash.GENESIS).update();
    }

    /** Locks the chain's head until the transaction ends: every append of this system waits here. */
    Optional<ChainHead> lockHead(String systemId) {
        return jdbc.sql(HEAD + " FROM log_chain_head WHERE system_id = ? FOR UPDATE").param(systemId)
                .query(LogEventStore::head).optional();
    }

    Optional<ChainHead> head(String systemId) {
        return jdbc.sql(HEAD + " FROM log_chain_head WHERE system_id = ?").param(systemId).query(LogEventStore::head)
                .optional();
    }

    void advanceHead(String systemId, long lastSeq, String lastHash) {
        jdbc.sql("UPDATE log_chain_head SET last_seq = ?, last_hash = ? WHERE system_id = ?")
                .params(lastSeq, lastHash, systemId).update();
    }

    void moveAnchor(String systemId, long anchorSeq, String anchorHash) {
        jdbc.sql("UPDATE log_chain_head SET anchor_seq = ?, anchor_hash = ? WHERE system_id = ?")
                .params(anchorSeq, anchorHash, systemId).update();
    }

    /**
     * The sequence numbers of those client event ids that were stored for the system at or after
     * {@code since} (the idempotency window). The bound on recorded_at, the partition key, keeps the
     * lookup to the one or two partitions the window overlaps, each with its own index.
     */
    Map<String, Long> storedClientEventIds(String systemId, List<String> clientEventIds, Instant since) {
        Map<String, Long> stored = new HashMap<>();
        if (clientEventIds.isEmpty()) {
            return stored;
        }
        jdbc.sql(postgres ? STORED_IDS_POSTGRES : STORED_IDS_H2)
                .params(systemId, new SqlArrayValue("varchar", clientEventIds.toArray()), JdbcTime.utc(since))
                .query((RowCallbackHandler) rs -> stored.put(rs.getString(1), rs.getLong(2)));
        return stored;
    }

    /**
     * One index probe per id, by the key only log_event_client_event_key holds (V1_51), in a function
     * whose cached plan never scans a partition (V1_52): so the statements that call it may be prepared
     * on the server and planned once, not at every append.
     */
    static final String STORED_IDS_POSTGRES = "SELECT client_event_id, seq FROM log_stored_client_events(?, ?, ?)";
    private static final String STORED_IDS_H2 = "SELECT client_event_id, seq FROM log_event WHERE system_id = ? "
            + "AND client_event_id = ANY(?) AND recorded_at >= ?";

    /**
     * Whether an append of this many rows goes in with {@link #compareAndInsert}: one round trip for the
     * look-up, the insert and the head's move, where they would take three; the single-event requests
     * of a serving stack are such appends. Larger ones are copied (COPY).
     */
    boolean insertsInOneStatement(int rows) {
        return postgres && rows > 0 && rows < COPY_FROM;
    }

    /** What {@link #compareAndInsert} found, and whether it wrote. */
    record Swap(boolean appended, Map<String, Long> stored, String systemStatus) {
    }

    /**
     * Inserts the rows (of one system, recorded at one time) and moves the head after the last of them,
     * in one statement, only if the head still stands at {@code expectedSeq}/{@code expectedHash}, none of
     * the client event ids was stored at or after {@code since} (the idempotency window), and, where
     * {@code refuseWithdrawn}, the system is not withdrawn. Otherwise nothing is written, and the ids
     * found come back with their sequence numbers. The look-up reads the statement's snapshot: when the
     * head stood where expected before the statement began, no event of the system committed since, and
     * one that commits meanwhile moves the head, so the compare fails (PostgreSQL checks the head's
     * newest version before it updates it). Run under the head's lock, the compare always holds.
     */
    Swap compareAndInsert(List<Row> rows, List<String> clientEventIds, Instant since, long expectedSeq,
            String expectedHash, boolean refuseWithdrawn) {
        Row last = rows.get(rows.size() - 1);
        Map<String, Long> stored = new HashMap<>();
        Swap[] head = new Swap[1];
        jdbcTemplate.query(connection -> {
            var statement = connection.prepareStatement(COMPARE_AND_INSERT);
            int i = 0;
            statement.setString(++i, last.systemId());
            statement.setString(++i, last.systemId());
            statement.setArray(++i, connection.createArrayOf("varchar", clientEventIds.toArray()));
            statement.setObject(++i, JdbcTime.utc(since));
            statement.setLong(++i, last.seq());
            statement.setString(++i, last.hash());
            statement.setString(++i, last.systemId());
            statement.setLong(++i, expectedSeq);
            statement.setString(++i, expectedHash);
            statement.setBoolean(++i, refuseWithdrawn);
            statement.setString(++i, last.recordedAt());
            statement.setArray(++i, connection.createArrayOf("int8", rows.stream().map(Row::seq).toArray()));
            statement.setArray(++i, column(connection, rows, Row::type));
            statement.setArray(++i, column(connection, rows, Row::occurredAt));
            statement.setArray(++i, column(connection, rows, Row::modelVersion));
            statement.setArray(++i, column(connection, rows, Row::actor));
            statement.setArray(++i, column(connection, rows, Row::clientEventId));
            statement.setArray(++i, column(connection, rows, Row::canonicalPayload));
            statement.setArray(++i, column(connection, rows, Row::prevHash));
            statement.setArray(++i, column(connection, rows, Row::hash));
            return statement;
        }, (RowCallbackHandler) rs -> {
            if (rs.getString(1) == null) {
                head[0] = new Swap(rs.getLong(2) > 0, stored, rs.getString(3));
            } else {
                stored.put(rs.getString(1), rs.getLong(2));
            }
        });
        return head[0];
    }

    private static Array column(Connection connection, List<Row> rows, Function<Row, String> value)
            throws SQLException {
        return connection.createArrayOf("varchar", rows.stream().map(value).toArray());
    }

    /**
     * {@link #compareAndInsert}: the head's move first, the insert only where it moved. The first row of
     * the answer is the outcome (rows the head moved, the system's status), the others the ids found.
     */
    private static final String COMPARE_AND_INSERT = "WITH system AS (SELECT status FROM ai_system WHERE id = ?), "
            + "stored AS (" + STORED_IDS_POSTGRES + "), "
            + "advanced AS (UPDATE log_chain_head SET last_seq = ?, last_hash = ? "
            + "WHERE system_id = ? AND last_seq = ? AND last_hash = ? AND NOT EXISTS (SELECT 1 FROM stored) "
            + "AND NOT (? AND EXISTS (SELECT 1 FROM system WHERE status = '" + SystemStatus.WITHDRAWN.name() + "')) "
            + "RETURNING system_id), "
            + "inserted AS (INSERT INTO log_event (" + COLUMNS + ") "
            + "SELECT a.system_id, r.seq, r.type, CAST(r.occurred_at AS timestamptz), CAST(? AS timestamptz), "
            + "r.model_version, r.actor, r.client_event_id, CAST(r.payload AS jsonb), r.prev_hash, r.hash "
            + "FROM advanced a CROSS JOIN unnest(CAST(? AS bigint[]), CAST(? AS varchar[]), CAST(? AS varchar[]), "
            + "CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), "
            + "CAST(? AS varchar[]), CAST(? AS varchar[])) "
            + "AS r(seq, type, occurred_at, model_version, actor, client_event_id, payload, prev_hash, hash)) "
            + "SELECT NULL AS client_event_id, (SELECT count(*) FROM advanced) AS seq, (SELECT status FROM system) AS status "
            + "UNION ALL SELECT client_event_id, seq, NULL FROM stored";

    void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres && rows.size() >= COPY_FROM) {
            copy(rows);
        } else {
            jdbcTemplate.batchUpdate("INSERT INTO log_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)",
                    rows, rows.size(), (ps, row) -> {
                        ps.setString(1, row.systemId());
                        ps.setLong(2, row.seq());
                        ps.setString(3, row.type());
                        ps.setObject(4, JdbcTime.utc(Instant.parse(row.occurredAt())));
                        ps.setObject(5, JdbcTime.utc(Instant.parse(row.recordedAt())));
                        ps.setString(6, row.modelVersion());
                        ps.setString(7, row.actor());
                        ps.setString(8, row.clientEventId());
                        ps.setString(9, row.canonicalPayload());
                        ps.setString(10, row.prevHash());
                        ps.setString(11, row.hash());
                    });
        }
    }

    /**
     * One page in sequence order. With a window ({@code from}/{@code to}) the page is taken from the
     * window's events through the index on (system_id, occurred_at) of each partition and sorted:
     * ordering by {@code seq + 0} keeps the planner from walking the chain in sequence order in the hope
     * of meeting {@code limit} matches early, which for a narrow window deep in a long chain means a
     * scan of the chain. The window's width is capped for this read (aiact.logs.max-read-window), which
     * caps the sort. Without a window the page is a range of the primary key.
     */
    List<LogEvent> find(String systemId, LogQuery query) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql(page(systemId, query, params)).params(params).query(this::event).list();
    }

    /**
     * The events after {@code afterSeq}, up to {@code limit}, in chain order, with the values
     * at the given pointers. On PostgreSQL the database takes each value out of the stored jsonb, so
     * the whole payload is neither sent nor parsed; on H2, and for a pointer without a path
     * ({@link JsonPointerPath}), the payload is read whole and the pointers applied to it here.
     */
    List<EventFields> fields(String systemId, long afterSeq, int limit, List<String> pointers) {
        List<List<String>> paths = pointers.stream().map(JsonPointerPath::of).toList();
        if (!postgres || paths.contains(null)) {
            return find(systemId, new LogQuery(null, null, List.of(), afterSeq, limit)).stream()
                    .map(e -> new EventFields(e.seq(), e.type(), e.occurredAt(), pointers.stream().map(e.payload()::at).toList()))
                    .toList();
        }
        // Sequence numbers have no gaps after a chain's first kept event, so the next `limit` events lie
        // in (afterSeq, afterSeq + limit]: a range read whatever the planner estimates. With stale
        // statistics it estimates few rows past the last it saw and reads, then sorts, every event after
        // afterSeq for each page. A short range means the chain ends there, or a purge cut it before.
        List<EventFields> events = new ArrayList<>(fields(systemId, paths, "seq > ? AND seq <= ? ORDER BY seq", afterSeq, afterSeq + limit));
        if (events.size() < limit) {
            events.addAll(fields(systemId, paths, "seq > ? ORDER BY seq LIMIT ?", afterSeq + limit, limit - events.size()));
        }
        return events;
    }

    private List<EventFields> fields(String systemId, List<List<String>> paths, String seqRange, long from, long bound) {
        StringBuilder sql = new StringBuilder("SELECT seq, type, occurred_at");
        List<Object> params = new ArrayList<>();
        for (List<String> path : paths) {
            sql.append(", CAST(payload #> ? AS VARCHAR)");
            params.add(new SqlArrayValue("text", path.toArray()));
        }
        sql.append(" FROM log_event WHERE system_id = ? AND ").append(seqRange);
        params.addAll(List.of(systemId, from, bound));
        Map<String, JsonNode> parsed = new HashMap<>();
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            List<JsonNode> values = new ArrayList<>(paths.size());
            for (int i = 0; i < paths.size(); i++) {
                values.add(value(rs.getString(4 + i), parsed));
            }
            return new EventFields(rs.getLong(1), rs.getString(2), JdbcTime.instant(rs, "occurred_at"), values);
        }).list();
    }

    /**
     * One value as PostgreSQL prints it, read as Jackson reads it within a whole payload. Plain strings
     * need no parser; other values (numbers, mostly) repeat within a page, so each text is parsed once.
     */
    private JsonNode value(String text, Map<String, JsonNode> parsed) {
        if (text == null) {
            return MissingNode.getInstance();
        }
        if (text.length() >= 2 && text.charAt(0) == '"' && text.indexOf('\\') < 0) {
            return TextNode.valueOf(text.substring(1, text.length() - 1));
        }
        return parsed.size() < PARSED_PER_PAGE ? parsed.computeIfAbsent(text, this::json) : json(text);
    }

    long seqBeforeOccurred(String systemId, Instant from) {
        return jdbc.sql("""
                SELECT coalesce((SELECT min(seq) FROM log_event WHERE system_id = ? AND occurred_at >= ?) - 1,
                                (SELECT last_seq FROM log_chain_head WHERE system_id = ?))""")
                .params(systemId, JdbcTime.utc(from), systemId).query(Long.class).single();
    }

    /** The query plan of a page read, as PostgreSQL's EXPLAIN prints it (docs and tests). */
    List<String> explainFind(String systemId, LogQuery query) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("EXPLAIN " + page(systemId, query, params)).params(params).query(String.class).list();
    }

    private static String page(String systemId, LogQuery query, List<Object> params) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE system_id = ? AND seq > ?");
        params.addAll(List.of(systemId, query.afterSeq()));
        boolean window = filters(sql, params, query.from(), query.to(), query.types());
        sql.append(window ? " ORDER BY seq + 0 LIMIT ?" : " ORDER BY seq LIMIT ?");
        params.add(query.limit());
        return sql.toString();
    }

    /** Streams a chain in sequence order without holding it in memory (a cursor on PostgreSQL). */
    void forEach(String systemId, long afterSeq, Consumer<LogEvent> consumer) {
        forEach(systemId, afterSeq, null, null, List.of(), consumer);
    }

    /**
     * Streams the events of a chain that occurred in [from, to) (either may be null) and are of the
     * given types (all when empty), in sequence order, through a cursor: constant memory here, whatever
     * the window. The planner chooses between the window's index and a walk of the chain by its
     * estimate of the window's share of the chain.
     */
    void forEach(String systemId, long afterSeq, Instant from, Instant to, List<String> types,
            Consumer<LogEvent> consumer) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE system_id = ? AND seq > ?");
        List<Object> params = new ArrayList<>(List.of(systemId, afterSeq));
        filters(sql, params, from, to, types);
        sql.append(" ORDER BY seq");
        jdbcTemplate.query(connection -> {
            var statement = connection.prepareStatement(sql.toString());
            statement.setFetchSize(1000);
            new ArgumentPreparedStatementSetter(params.toArray()).setValues(statement);
            return statement;
        }, (RowCallbackHandler) rs -> consumer.accept(event(rs, 0)));
    }

    /** Appends the filters of a read to its SQL and parameters; whether it has a window. */
    private static boolean filters(StringBuilder sql, List<Object> params, Instant from, Instant to, List<String> types) {
        if (from != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(JdbcTime.utc(from));
        }
        if (to != null) {
            sql.append(" AND occurred_at < ?");
            params.add(JdbcTime.utc(to));
        }
        if (!types.isEmpty()) {
            sql.append(" AND type = ANY(?)");
            params.add(new SqlArrayValue("varchar", types.toArray()));
        }
        return from != null || to != null;
    }


    /**
     * Streams a chain in sequence order as verification reads it: every column as the database's
     * text, nothing parsed. A cursor on PostgreSQL, in large fetches: a round trip per fetch is
     * time the hashing waits.
     */
    void forEachStored(String systemId, long afterSeq, Consumer<StoredRow> consumer) {
        jdbcTemplate.query(connection -> {
            var statement = connection.prepareStatement("SELECT system_id, seq, type, occurred_at, recorded_at, "
                    + "model_version, actor, client_event_id, CAST(payload AS VARCHAR), prev_hash, hash FROM log_event "
                    + "WHERE system_id = ? AND seq > ? ORDER BY seq");
            statement.setFetchSize(VERIFY_FETCH_SIZE);
            statement.setString(1, systemId);
            statement.setLong(2, afterSeq);
            return statement;
        }, (RowCallbackHandler) rs -> consumer.accept(new StoredRow(rs.getString(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11))));
    }

    private static final int VERIFY_FETCH_SIZE = 5_000;

    /** Sequence number and recorded time of the oldest events after the anchor, in order. */
    List<Map.Entry<Long, Instant>> oldest(String systemId, long afterSeq, int limit) {
        return jdbc.sql("SELECT seq, recorded_at FROM log_event WHERE system_id = ? AND seq > ? ORDER BY seq LIMIT ?")
                .params(systemId, afterSeq, limit)
                .query((rs, n) -> Map.entry(rs.getLong("seq"), JdbcTime.instant(rs, "recorded_at")))
                .list();
    }

    Optional<String> hashAt(String systemId, long seq) {
        return jdbc.sql("SELECT hash FROM log_event WHERE system_id = ? AND seq = ?").params(systemId, seq)
                .query(String.class).optional();
    }

    /** Deletes a system's events up to {@code throughSeq}: the one path the append-only trigger lets through. */
    long purge(String systemId, long throughSeq) {
        if (postgres) {
            return jdbc.sql("SELECT log_purge(?, ?)").params(systemId, throughSeq).query(Long.class).single();
        }
        return jdbc.sql("DELETE FROM log_event WHERE system_id = ? AND seq <= ?").params(systemId, throughSeq).update();
    }

    /** A partition of log_event: events recorded in [from, to). */
    record Partition(String name, Instant from, Instant to) {
    }

    /** The partitions of log_event, oldest first; none on H2, where log_event is a plain table. */
    List<Partition> partitions() {
        if (!postgres) {
            return List.of();
        }
        return jdbc.sql("SELECT partition_name, range_from, range_to FROM log_event_partitions() ORDER BY range_from")
                .query((rs, n) -> new Partition(rs.getString(1), bound(rs, 2), bound(rs, 3))).list();
    }

    /**
     * Until the transaction ends no partition of log_event can be detached or dropped (a drop waits,
     * up to its lock timeout). First in the transaction, so that the snapshot is taken after the lock.
     */
    void holdPartitions() {
        if (postgres) {
            jdbc.sql("LOCK TABLE log_event IN ACCESS SHARE MODE").update();
        }
    }

    /** Creates the missing monthly partitions from the month of {@code at} on; how many it created (0 on H2). */
    int ensurePartitions(Instant at, int monthsAhead) {
        if (!postgres) {
            return 0;
        }
        return jdbc.sql("SELECT log_event_ensure_partitions(?, ?)").params(JdbcTime.utc(at), monthsAhead)
                .query(Integer.class).single();
    }

    /** First and last sequence number of a system's events recorded in [from, to), if it has any there. */
    Optional<long[]> seqRange(String systemId, Instant from, Instant to) {
        return jdbc.sql("SELECT min(seq), max(seq) FROM log_event WHERE system_id = ? AND recorded_at >= ? AND recorded_at < ?")
                .params(systemId, JdbcTime.utc(from), JdbcTime.utc(to))
                .query((rs, n) -> rs.getObject(1) == null ? null : new long[] { rs.getLong(1), rs.getLong(2) })
                .optional();
    }

    /**
     * Whether a system has an event with a sequence number in (afterSeq, throughSeq] recorded outside
     * [from, to): then [from, to) does not hold that stretch of its chain alone (clocks of two nodes
     * that disagree near a partition boundary can do this).
     */
    boolean hasEventsOutside(String systemId, long afterSeq, long throughSeq, Instant from, Instant to) {
        return jdbc.sql("SELECT 1 FROM log_event WHERE system_id = ? AND seq > ? AND seq <= ? "
                + "AND (recorded_at < ? OR recorded_at >= ?) LIMIT 1")
                .params(systemId, afterSeq, throughSeq, JdbcTime.utc(from), JdbcTime.utc(to))
                .query(Integer.class).optional().isPresent();
    }

    /**
     * Detaches and drops a partition in the caller's transaction, waiting at most {@code lockTimeout}
     * for its lock (appends queue behind a waiting drop). The database function refuses unless every
     * event in it is at or before its chain's anchor and none is under an evidence hold.
     */
    void dropPartition(String name, java.time.Duration lockTimeout) {
        jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(lockTimeout.toMillis() + "ms")
                .query(String.class).single();
        jdbc.sql("SELECT log_event_drop_partition(?)").param(name).query((rs, n) -> 1).list();
        jdbc.sql("SELECT set_config('lock_timeout', '0', true)").query(String.class).single();
    }

    private static Instant bound(ResultSet rs, int column) throws SQLException {
        // -infinity and infinity come back as the driver's extreme values; MIN and MAX stand for them.
        var value = rs.getObject(column, java.time.OffsetDateTime.class);
        if (value == null) {
            return null;
        }
        if (value.equals(java.time.OffsetDateTime.MIN) || value.getYear() < -4000) {
            return Instant.MIN;
        }
        if (value.equals(java.time.OffsetDateTime.MAX) || value.getYear() > 200000) {
            return Instant.MAX;
        }
        return value.toInstant();
    }

    List<Checkpoint> checkpoints(String systemId) {
        return jdbc.sql("SELECT seq, hash, created_at FROM log_checkpoint WHERE system_id = ? ORDER BY seq")
                .param(systemId)
                .query((rs, n) -> new Checkpoint(rs.getLong("seq"), rs.getString("hash"), JdbcTime.instant(rs, "created_at")))
                .list();
    }

    /** Records the head of every chain that moved since its last checkpoint; returns how many. */
    int checkpointMovedHeads(Instant now) {
        try {
            return jdbc.sql("""
                    INSERT INTO log_checkpoint (system_id, seq, hash, created_at)
                    SELECT h.system_id, h.last_seq, h.last_hash, ? FROM log_chain_head h
                    WHERE h.last_seq > 0
                      AND NOT EXISTS (SELECT 1 FROM log_checkpoint c WHERE c.system_id = h.system_id AND c.seq = h.last_seq)""")
                    .param(JdbcTime.utc(now)).update();
        } catch (DuplicateKeyException e) {
            // Another node recorded the same heads a moment ago.
            return 0;
        }
    }

    private void copy(List<Row> rows) {
        CopyBuffer text = new CopyBuffer(rows.size() * 720);
        for (Row row : rows) {
            byte[] columns = row.copyColumns();
            if (columns == null) {
                String payload = row.canonicalPayload();
                columns = copyColumns(row.systemId(), row.type(), row.occurredAt(), row.modelVersion(), row.actor(),
                        row.clientEventId(), payload, payload.getBytes(StandardCharsets.UTF_8));
            }
            text.write(columns, 0, columns.length);
            text.ascii(Long.toString(row.seq())).ascii("\t").ascii(row.recordedAt()).ascii("\t").ascii(row.prevHash())
                    .ascii("\t").ascii(row.hash()).ascii("\n");
        }
        byte[] bytes = text.toByteArray();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY log_event (" + COPY_COLUMNS + ") FROM STDIN (FORMAT text)");
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            DataAccessException translated = jdbcTemplate.getExceptionTranslator().translate("COPY log_event", null, e);
            throw translated != null ? translated : new UncategorizedSQLException("COPY log_event", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** COPY text as bytes; what the chain adds (numbers, timestamps, hex hashes) is ASCII. */
    private static final class CopyBuffer extends java.io.ByteArrayOutputStream {

        CopyBuffer(int size) {
            super(size);
        }

        CopyBuffer ascii(String value) {
            for (int i = 0; i < value.length(); i++) {
                write(value.charAt(i));
            }
            return this;
        }
    }

    /** A value in COPY's text format: backslash escapes, \N for NULL. */
    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        int clean = 0;
        while (clean < value.length() && value.charAt(clean) != '\\' && value.charAt(clean) >= ' ') {
            clean++;
        }
        out.append(value, 0, clean); // the common case: nothing to escape, one bulk copy
        for (int i = clean; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static ChainHead head(ResultSet rs, int n) throws SQLException {
        return new ChainHead(rs.getString("system_id"), rs.getLong("last_seq"), rs.getString("last_hash"),
                rs.getLong("anchor_seq"), rs.getString("anchor_hash"));
    }

    private LogEvent event(ResultSet rs, int n) throws SQLException {
        return new LogEvent(rs.getString("system_id"), rs.getLong("seq"), rs.getString("type"),
                JdbcTime.instant(rs, "occurred_at"), JdbcTime.instant(rs, "recorded_at"), rs.getString("model_version"),
                rs.getString("actor"), rs.getString("client_event_id"), json(rs.getString("payload")),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    private JsonNode json(String text) {
        try {
            return objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not JSON", e);
        }
    }

    private static boolean isPostgres(DataSource dataSource) throws SQLException {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                    .toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            throw new SQLException("cannot tell which database this is", e);
        }
    }
}
