package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.aiactops.support.Api;
import io.aiactops.support.BenchmarkApp;
import io.aiactops.support.BenchmarkEvents;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test: {@code ./mvnw -Pbenchmark verify -Dit.test=LogRegisterBenchmark} (docs/benchmarks.md).
 * Appends N events through the HTTP API in batches and, in the same run and database, inserts the
 * same rows with a plain batched JDBC INSERT into a table without hashing or triggers, at the same
 * concurrency: 1 client against 1 connection, then 2 against 2.
 */
class LogRegisterBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkApp.RESULTS);

    private static final int EVENTS = Integer.getInteger("benchmark.events", 300_000);
    static final int BATCH = Integer.getInteger("benchmark.batch", 1_000);
    private static final int ROUNDS = 4;
    /** Until the JIT has compiled the hot path with its intrinsics (SHA-256): slow on a busy 2-core machine. */
    private static final int WARMUP_BATCHES = Integer.getInteger("benchmark.warmup", 300);

    @Test
    void registerAppendRateAgainstPlainInsert() throws Exception {
        try (BenchmarkApp app = BenchmarkApp.start("aiactops_bench_logs")) {
            String url = app.databaseUrl();
            Api api = app.api();
            String systemId = TestSystems.uniqueId("bench");
            assertThat(api.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);

            List<byte[]> batches = new ArrayList<>();
            for (int b = 0; b < EVENTS / BATCH; b++) {
                batches.add(batchBody(b).getBytes(StandardCharsets.UTF_8));
            }
            run(api, systemId, batches.subList(0, Math.min(WARMUP_BATCHES, batches.size())), 2); // warm-up (JIT, pool)

            // Like for like: n register clients against n plain connections. The two alternate in rounds,
            // each from a fresh checkpoint, so that a slower moment of this machine's disk (it varies by
            // ±10 % from minute to minute) hits both alike.
            int[] levels = { 1, 2 };
            double[] register = new double[levels.length];
            double[] plain = new double[levels.length];
            int perRound = batches.size() / ROUNDS;
            int plainRows = 0;
            for (int level = 0; level < levels.length; level++) {
                int clients = levels[level];
                log.info("phase: alternating rounds, {} against {}", clients, clients);
                double plainSeconds = 0;
                double registerSeconds = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    checkpoint(url);
                    plainSeconds += perRound * BATCH / plainInsert(url, plainRows, perRound * BATCH, clients);
                    plainRows += perRound * BATCH;
                    checkpoint(url);
                    registerSeconds += perRound * BATCH
                            / run(api, systemId, batches.subList(round * perRound, (round + 1) * perRound), clients);
                }
                plain[level] = ROUNDS * perRound * BATCH / plainSeconds;
                register[level] = ROUNDS * perRound * BATCH / registerSeconds;
            }

            var verification = api.get("/api/systems/" + systemId + "/logs/verify").json();
            assertThat(verification.get("valid").asBoolean()).isTrue();
            log.info(String.format(Locale.ROOT, """
                    %n=== Log register benchmark (PostgreSQL %s, %d events of ~%d bytes per concurrency, batches of %d, %d alternating rounds) ===
                    1 register client  : %,10.0f events/s    1 plain connection  : %,10.0f rows/s    register / plain : %4.0f %%
                    2 register clients : %,10.0f events/s    2 plain connections : %,10.0f rows/s    register / plain : %4.0f %%
                    register / plain, like for like (2 against 2) : %.0f %%  (target >= 70 %%)
                    chain verified: %s events, valid=%s%n""", url, EVENTS, batches.get(0).length / BATCH, BATCH, ROUNDS,
                    register[0], plain[0], 100 * register[0] / plain[0], register[1], plain[1],
                    100 * register[1] / plain[1], 100 * register[1] / plain[1],
                    verification.get("eventsChecked"), verification.get("valid")));
        }
    }

    /** Sends the batches from {@code clients} threads; returns events per second. Also the growth benchmark's. */
    static double run(Api api, String systemId, List<byte[]> batches, int clients) throws Exception {
        return batches.size() * (double) BATCH / BenchmarkEvents.post(api, systemId, batches, clients);
    }

    private static void checkpoint(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    /** Inserts {@code rows} rows from {@code connections} connections at once, each its share; returns rows per second. */
    private static double plainInsert(String url, int firstRow, int rows, int connections) throws Exception {
        List<Connection> open = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            for (int c = 0; c < connections; c++) {
                open.add(DriverManager.getConnection(url + "?reWriteBatchedInserts=true", "postgres", "postgres"));
            }
            try (Statement s = open.get(0).createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS plain_insert (system_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, "
                        + "type VARCHAR(40) NOT NULL, occurred_at TIMESTAMPTZ NOT NULL, recorded_at TIMESTAMPTZ NOT NULL, "
                        + "model_version VARCHAR(64), actor VARCHAR(128) NOT NULL, client_event_id VARCHAR(200), "
                        + "payload jsonb NOT NULL, prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL, "
                        + "PRIMARY KEY (system_id, seq))");
            }
            // Built before the clock starts, as the register's request bodies are.
            List<String> payloads = new ArrayList<>(rows);
            for (int i = firstRow + 1; i <= firstRow + rows; i++) {
                payloads.add(BenchmarkEvents.payload(i));
            }
            int share = rows / connections;
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Connection connection = open.get(c);
                int from = c * share;
                done.add(pool.submit(() -> insert(connection, firstRow + from, payloads.subList(from, from + share))));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return share * connections / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
            for (Connection c : open) {
                c.close();
            }
        }
    }

    /** Rows {@code firstRow + 1 …} with the given payloads, {@link #BATCH} rows per commit. */
    private static Void insert(Connection c, int firstRow, List<String> payloads) throws Exception {
        c.setAutoCommit(false);
        String hash = "0".repeat(64);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO plain_insert VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)")) {
            for (int i = 0; i < payloads.size(); i++) {
                insert.setString(1, "bench");
                insert.setLong(2, firstRow + i + 1);
                insert.setString(3, "inference");
                insert.setObject(4, now);
                insert.setObject(5, now);
                insert.setString(6, "1.0.0");
                insert.setString(7, "bench");
                insert.setString(8, null);
                insert.setString(9, payloads.get(i));
                insert.setString(10, hash);
                insert.setString(11, hash);
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        return null;
    }

    static String batchBody(int batch) {
        StringBuilder body = new StringBuilder(BATCH * 520).append('[');
        String occurredAt = Instant.now().toString();
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"inference\",\"occurredAt\":\"").append(occurredAt)
                    .append("\",\"modelVersion\":\"1.0.0\",\"payload\":").append(BenchmarkEvents.payload(batch * BATCH + i)).append('}');
        }
        return body.append(']').toString();
    }
}
