package io.aiactops.monitoring.builtin;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import io.aiactops.monitoring.SignalCategory;
import io.aiactops.support.Api;
import io.aiactops.support.BenchmarkApp;
import io.aiactops.support.BenchmarkEvents;
import io.aiactops.support.JitWarmUp;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: {@code ./mvnw -B -Pbenchmark verify -Dit.test=MonitorBenchmark} (docs/benchmarks.md).
 * In one run on PostgreSQL: (1) batch appends to a system without monitors against a system whose
 * five built-in monitors aggregate what it appends, in alternating rounds; each monitored round counts
 * until its aggregates have caught up, so that no aggregation spills into the next round without
 * monitors, and the two sides compare like with like; (2) on a second node and
 * database, one closed 30-day window of a psi monitor on each of 100 systems, evaluated from hourly
 * aggregates seeded directly as a million inferences a day would leave them.
 */
class MonitorBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkApp.RESULTS);

    private static final int EVENTS = Integer.getInteger("benchmark.events", 200_000);
    private static final int BATCH = 500;
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 2);
    private static final int ROUNDS = 8;
    /**
     * How often the monitors look for new events on their own. In production appends go on for hours and
     * each poll (PT30S by default) aggregates while they continue; a round here lasts about a second, so
     * at PT30S no poll falls inside one and a round's whole aggregation runs after its appends, alone
     * (-Dbenchmark.poll=PT30S measures that serial case). PT1S keeps the production proportion: the
     * monitors run alongside the appends, and the round-end catch-up takes only the rest.
     */
    private static final Duration POLL = Duration.parse(System.getProperty("benchmark.poll", "PT1S"));
    private static final int SYSTEMS = Integer.getInteger("benchmark.systems", 100);
    private static final long EVENTS_PER_DAY = 1_000_000;
    private static final String[] BANDS = {"18-25", "26-40", "41-65", "65+"};

    @Test
    void appendRateWithAggregatesAndEvaluationOfAHundredSystems() throws Exception {
        double plainRate;
        double monitoredRate;
        double catchUpSeconds = 0;
        String databaseUrl;
        String warmUp;
        try (BenchmarkApp app = BenchmarkApp.start("bench_monitors", "--aiact.monitoring.builtin.poll-interval=" + POLL)) {
            databaseUrl = app.databaseUrl();
            Api api = app.api();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String plain = BenchmarkEvents.register(api);
            String monitored = BenchmarkEvents.register(api);
            // The reference the psi monitor freezes: a day of inferences a week ago.
            for (int i = 0; i < 4; i++) {
                int offset = i * BATCH;
                expect(api.send("POST", "/api/systems/" + monitored + "/logs", "application/json",
                        batch(j -> now.minus(Duration.ofDays(7)).plusSeconds(offset + j * 40L), offset)), 201);
            }
            expect(api.send("PUT", "/api/systems/" + monitored + "/monitoring-plan", "application/json",
                    Api.json(plan(now))), 200);

            JdbcClient jdbc = app.bean(JdbcClient.class);
            BuiltinMonitorRun run = app.bean(BuiltinMonitorRun.class);
            catchUp(jdbc, run, monitored);
            int perRound = EVENTS / ROUNDS;
            warmUp = JitWarmUp.until(pass -> {
                int offset = 10_000_000 + pass * perRound; // apart from the measured rounds' client event ids
                rate(api, plain, offset, perRound);
                rate(api, monitored, offset, perRound);
                catchUp(jdbc, run, monitored);
            });
            double plainSeconds = 0;
            double monitoredSeconds = 0;
            // Rounds in the order plain, monitored, monitored, plain, ...: neither side always goes first.
            for (int round = 0; round < ROUNDS; round++) {
                int offset = 10_000 + round * perRound;
                boolean plainFirst = round % 2 == 0;
                if (plainFirst) {
                    plainSeconds += perRound / rate(api, plain, offset, perRound);
                }
                double appending = perRound / rate(api, monitored, offset, perRound);
                double catchingUp = catchUp(jdbc, run, monitored);
                monitoredSeconds += appending + catchingUp;
                catchUpSeconds += catchingUp;
                if (!plainFirst) {
                    plainSeconds += perRound / rate(api, plain, offset, perRound);
                }
            }
            plainRate = perRound * ROUNDS / plainSeconds;
            monitoredRate = perRound * ROUNDS / monitoredSeconds;
        }
        // A node of its own whose scheduled runs stay away: only the timed loop evaluates the windows.
        try (BenchmarkApp app = BenchmarkApp.start("bench_monitors_eval", "--aiact.monitoring.builtin.poll-interval=PT1H")) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long seedStart = System.nanoTime();
            Seeded seeded = seed(app, app.api(), now);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            BuiltinMonitorRun run = app.bean(BuiltinMonitorRun.class);
            long start = System.nanoTime();
            int emitted = 0;
            for (String systemId : seeded.systems()) {
                emitted += run.run(systemId);
            }
            double evaluationSeconds = (System.nanoTime() - start) / 1e9;

            log.info(String.format(Locale.ROOT, """

                    === Built-in monitor benchmark (PostgreSQL %s, then %s) ===
                    %s
                    batch appends (%d events per request, %d clients, %,d events per system in %d alternating rounds;
                      a monitored round ends when its monitors, run at its end, caught up: %.2f s of catch-up in all; they also poll every %s):
                      without monitors                       : %,9.0f events/s
                      with 5 monitors, aggregates caught up  : %,9.0f events/s  (%.1f %% lower; target <= 10 %%)
                    evaluation: %d systems, a psi monitor each, one closed P30D window from %,d hourly bucket rows
                      (%,d inferences a day seeded as aggregates, seeded in %.1f s):
                      %d signals in %.2f s (%.1f ms per system; target < 10 s)""",
                    databaseUrl, app.databaseUrl(), warmUp, BATCH, CLIENTS, EVENTS, ROUNDS, catchUpSeconds, POLL, plainRate, monitoredRate,
                    100 * (1 - monitoredRate / plainRate), seeded.systems().size(), seeded.rows(), EVENTS_PER_DAY,
                    seedSeconds, emitted, evaluationSeconds, 1000 * evaluationSeconds / seeded.systems().size()));
            if (emitted != seeded.systems().size()) {
                throw new IllegalStateException("expected one signal per system, got " + emitted);
            }
        }
    }

    /**
     * Runs the system's monitors, as their next poll would, until every one has aggregated up to the
     * chain's head; returns the seconds it took. Running them rather than waiting for the poll's timer
     * counts their work, not the timer's idle wait. Should a poll hold the system (its lock is taken
     * with SKIP LOCKED), this run skips it and the poll catches up itself.
     */
    private static double catchUp(JdbcClient jdbc, BuiltinMonitorRun run, String systemId) {
        long start = System.nanoTime();
        Awaitility.await("the monitors of " + systemId + " caught up with the appends").atMost(Duration.ofMinutes(2))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
                    run.run(systemId);
                    return jdbc.sql("""
                            SELECT count(*) FROM builtin_monitor m JOIN log_chain_head h ON h.system_id = m.system_id
                            WHERE m.system_id = ? AND m.last_seq < h.last_seq""").param(systemId).query(Long.class).single() == 0;
                });
        return (System.nanoTime() - start) / 1e9;
    }

    private record Seeded(List<String> systems, long rows) {
    }

    /**
     * 100 systems, each with a psi monitor whose 30-day window closed, and the hourly buckets a million
     * inferences a day leave: ten bins, the events and the missing count, per hour.
     */
    private static Seeded seed(BenchmarkApp app, Api api, Instant now) throws Exception {
        MonitorStates states = app.bean(MonitorStates.class);
        // The latest daily window closed under the default lateness of an hour: the only one due.
        Instant end = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.DAYS);
        Monitor monitor = new Monitor("psi_drift", SignalCategory.DRIFT, MonitorKind.PSI, Duration.ofDays(1),
                Duration.ofDays(30), 100, "/output/score", 10, new Monitor.ReferenceWindow(end.minus(Duration.ofDays(60)),
                        end.minus(Duration.ofDays(30)), null), null, null, null, null, null, null, null, null);
        double[] edges = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        long[] reference = {100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000};
        long perHour = EVENTS_PER_DAY / 24;
        List<String> systems = new ArrayList<>();
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(app.databaseUrl() + "?reWriteBatchedInserts=true",
                "postgres", "postgres");
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO builtin_monitor_bucket (system_id, metric, bucket_start, bucket_key, event_count, value_sum)
                        VALUES (?, 'psi_drift', ?, ?, ?, 0)""")) {
            for (int s = 0; s < SYSTEMS; s++) {
                String systemId = BenchmarkEvents.register(api);
                systems.add(systemId);
                states.insert(new MonitorStates.State(systemId, 1, monitor, new FrozenReference(monitor.reference().from(),
                        monitor.reference().to(), 1_000_000, edges, reference, null), 0, end, null));
                for (Instant hour = end.minus(Duration.ofDays(30)); hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
                    OffsetDateTime at = hour.atOffset(ZoneOffset.UTC);
                    // A drift towards the upper bins over the month: each hour's bins differ.
                    long drift = Duration.between(end.minus(Duration.ofDays(30)), hour).toHours();
                    for (int bin = 0; bin < 10; bin++) {
                        add(insert, systemId, at, Observer.binKey(bin), perHour / 10 + (bin >= 5 ? drift : -drift));
                    }
                    add(insert, systemId, at, Observer.EVENTS, perHour);
                    add(insert, systemId, at, Observer.MISSING, 0);
                    rows += 12;
                }
                insert.executeBatch();
            }
        }
        return new Seeded(systems, rows);
    }

    private static void add(PreparedStatement insert, String systemId, OffsetDateTime at, String key, long count)
            throws SQLException {
        insert.setString(1, systemId);
        insert.setObject(2, at);
        insert.setString(3, key);
        insert.setLong(4, count);
        insert.addBatch();
    }

    private static Map<String, Object> plan(Instant now) {
        String from = now.minus(Duration.ofDays(8)).toString();
        String to = now.minus(Duration.ofDays(6)).toString();
        return Map.of(
                "metrics", List.of(Map.of("name", "psi_drift", "category", "drift", "source", "built-in")),
                "monitors", List.of(
                        Map.of("kind", "psi", "field", "/output/score", "cadence", "PT1H", "window", "P1D",
                                "reference", Map.of("from", from, "to", to)),
                        Map.of("kind", "category_shift", "field", "/output/decision", "cadence", "PT1H", "window", "P1D",
                                "reference", Map.of("from", from, "to", to)),
                        Map.of("kind", "group_parity", "groupField", "/context/ageBand", "outcomeField", "/output/decision",
                                "outcomeValue", "approve", "cadence", "PT1H", "window", "P1D"),
                        Map.of("kind", "confidence", "cadence", "PT1H", "window", "P1D"),
                        Map.of("kind", "missing_rate", "field", "/input/income", "cadence", "PT1H", "window", "P1D")),
                "thresholdsReference", "DMN monitoring-thresholds", "reviewCadence", "P1M",
                "owners", List.of("process-owners"), "deployerFeedbackChannel", "mailto:bench@example.org");
    }

    /** A batch of inferences, the i-th at {@code at(i)}. */
    private static String batch(IntFunction<Instant> at, int offset) {
        StringBuilder json = new StringBuilder("[");
        for (int j = 0; j < BATCH; j++) {
            int i = offset + j;
            double score = (i * 7919 % 1000) / 1000.0;
            json.append(j == 0 ? "" : ",").append("{\"type\":\"inference\",\"occurredAt\":\"").append(at.apply(j))
                    .append("\",\"clientEventId\":\"e-").append(i).append("\",\"payload\":{\"inputRef\":\"r-").append(i)
                    .append("\",\"output\":{\"score\":").append(score).append(",\"decision\":\"")
                    .append(score >= 0.5 ? "approve" : "decline").append("\"},\"confidence\":").append(0.5 + score / 2)
                    .append(",\"context\":{\"ageBand\":\"").append(BANDS[i % 4]).append("\"},\"input\":{\"income\":")
                    .append(i % 20 == 0 ? "null" : Integer.toString(i % 5000)).append("}}}");
        }
        return json.append(']').toString();
    }

    /** Appends the events in batches from {@link #CLIENTS} clients, the bodies built before the clock starts. */
    private static double rate(Api api, String systemId, int offset, int events) throws Exception {
        List<byte[]> batches = new ArrayList<>();
        for (int r = 0; r < events / BATCH; r++) {
            Instant at = Instant.now();
            batches.add(batch(j -> at, offset + r * BATCH).getBytes(StandardCharsets.UTF_8));
        }
        return events / BenchmarkEvents.post(api, systemId, batches, CLIENTS);
    }

    private static Api.Response expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.toString());
        }
        return response;
    }

}
