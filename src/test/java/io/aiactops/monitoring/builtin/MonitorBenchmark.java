package io.aiactops.monitoring.builtin;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * database, one closed 30-day window of each of the same five monitors on each of 100 systems, evaluated
 * from hourly aggregates seeded directly as a million inferences a day would leave them, against half the
 * systems and against ten times the inferences.
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
            List<Monitor> monitors = new MonitorParser(app.bean(BuiltinMonitorProperties.class), Clock.systemUTC())
                    .parse(new ObjectMapper().valueToTree(evaluatedMonitors(now)));
            BuiltinMonitorRun run = app.bean(BuiltinMonitorRun.class);
            // Sets of systems of their own until the evaluation's code is compiled, so that the first measured
            // set does not pay for it.
            String evaluationWarmUp = JitWarmUp.until(pass -> evaluate(app, run, monitors, now, 10, EVENTS_PER_DAY));
            // Twice the systems at the same volume, then ten times the volume with as many systems: the time
            // should follow the systems and not the events. The sets run in this order and then in reverse, so
            // that none always comes first.
            int[] systems = {SYSTEMS / 2, SYSTEMS, SYSTEMS};
            long[] volumes = {EVENTS_PER_DAY, EVENTS_PER_DAY, 10 * EVENTS_PER_DAY};
            List<Evaluation> evaluations = new ArrayList<>();
            for (int i = 0; i < 2 * systems.length; i++) {
                int set = i < systems.length ? i : 2 * systems.length - 1 - i;
                evaluations.add(evaluate(app, run, monitors, now, systems[set], volumes[set]));
            }

            log.info(String.format(Locale.ROOT, """

                    === Built-in monitor benchmark (PostgreSQL %s, then %s) ===
                    %s
                    batch appends (%d events per request, %d clients, %,d events per system in %d alternating rounds;
                      a monitored round ends when its monitors, run at its end, caught up: %.2f s of catch-up in all; they also poll every %s):
                      without monitors                       : %,9.0f events/s
                      with 5 monitors, aggregates caught up  : %,9.0f events/s  (%.1f %% lower; target <= 10 %%)
                    evaluation: every system with the %d monitors %s (P1D cadence), one closed P30D window each,
                      from hourly aggregates seeded directly (%d keys an hour a system), each set of systems on its own;
                      %s (sets of 10 systems):
                    %s""",
                    databaseUrl, app.databaseUrl(), warmUp, BATCH, CLIENTS, EVENTS, ROUNDS, catchUpSeconds, POLL, plainRate, monitoredRate,
                    100 * (1 - monitoredRate / plainRate), monitors.size(),
                    monitors.stream().map(m -> m.kind().name().toLowerCase(Locale.ROOT)).toList(), KEYS_PER_HOUR,
                    evaluationWarmUp, String.join("\n", evaluations.stream().map(Evaluation::toString).toList())));
        }
    }

    private record Evaluation(int systems, long eventsPerDay, long rows, double seedSeconds, int signals, double seconds) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "  %3d systems, %,11d inferences a day: %,9d bucket rows (seeded in %4.1f s);"
                    + " %4d signals in %5.2f s (%5.1f ms per system; target < 10 s for 100 systems)",
                    systems, eventsPerDay, rows, seedSeconds, signals, seconds, 1000 * seconds / systems);
        }
    }

    /** Seeds {@code count} systems, then runs each once, timed; every monitor of every system must signal. */
    private static Evaluation evaluate(BenchmarkApp app, BuiltinMonitorRun run, List<Monitor> monitors, Instant now,
            int count, long eventsPerDay) throws Exception {
        long seedStart = System.nanoTime();
        Seeded seeded = seed(app, monitors, now, count, eventsPerDay);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long start = System.nanoTime();
        int signals = 0;
        for (String systemId : seeded.systems()) {
            signals += run.run(systemId);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (signals != monitors.size() * count) {
            throw new IllegalStateException("expected " + monitors.size() + " signals per system, got " + signals
                    + " from " + count + " systems");
        }
        return new Evaluation(count, eventsPerDay, seeded.rows(), seedSeconds, signals, seconds);
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

    /** Bucket keys a system's five monitors keep an hour: psi 12, category_shift 4, confidence 4, group_parity 10, missing_rate 2. */
    private static final int KEYS_PER_HOUR = 32;

    /**
     * Systems whose monitors' latest daily window closed, each with the hourly aggregates {@code eventsPerDay}
     * inferences a day leave over the 30 days of the window, drifting over the month so that each hour's
     * keys differ.
     */
    private static Seeded seed(BenchmarkApp app, List<Monitor> monitors, Instant now, int count, long eventsPerDay)
            throws Exception {
        MonitorStates states = app.bean(MonitorStates.class);
        // The latest daily window closed under the default lateness of an hour: the only one due.
        Instant end = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.DAYS);
        double[] edges = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        long[] bins = new long[10];
        Arrays.fill(bins, eventsPerDay / 10);
        long perHour = eventsPerDay / 24;
        List<String> systems = new ArrayList<>();
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(app.databaseUrl() + "?reWriteBatchedInserts=true",
                "postgres", "postgres");
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO builtin_monitor_bucket (system_id, metric, bucket_start, bucket_key, event_count, value_sum)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (int s = 0; s < count; s++) {
                String systemId = BenchmarkEvents.register(app.api());
                systems.add(systemId);
                for (Monitor monitor : monitors) {
                    FrozenReference reference = switch (monitor.kind()) {
                        case PSI -> new FrozenReference(monitor.reference().from(), monitor.reference().to(),
                                eventsPerDay, edges, bins, null);
                        case CATEGORY_SHIFT -> new FrozenReference(monitor.reference().from(), monitor.reference().to(),
                                eventsPerDay, null, null, Map.of("approve", eventsPerDay / 2, "decline", eventsPerDay / 2));
                        default -> null;
                    };
                    states.insert(new MonitorStates.State(systemId, 1, monitor, reference, 0, end, null));
                }
                for (Instant hour = end.minus(Duration.ofDays(30)); hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
                    Bucket bucket = new Bucket(insert, systemId, hour.atOffset(ZoneOffset.UTC));
                    // Hours since the window opened: the outputs move towards approval over the month.
                    long drift = Duration.between(end.minus(Duration.ofDays(30)), hour).toHours() * perHour / 50_000;
                    for (Monitor monitor : monitors) {
                        bucket.metric = monitor.metric();
                        bucket.add(Observer.EVENTS, perHour, 0);
                        switch (monitor.kind()) {
                            case PSI -> {
                                for (int bin = 0; bin < 10; bin++) {
                                    bucket.add(Observer.binKey(bin), perHour / 10 + (bin >= 5 ? drift : -drift), 0);
                                }
                                bucket.add(Observer.MISSING, 0, 0);
                            }
                            case CATEGORY_SHIFT -> {
                                bucket.add(Observer.CATEGORY + "approve", perHour / 2 + drift, 0);
                                bucket.add(Observer.CATEGORY + "decline", perHour / 2 - drift, 0);
                                bucket.add(Observer.MISSING, 0, 0);
                            }
                            case CONFIDENCE -> {
                                bucket.add(Observer.VALUE, perHour, 0.8 * perHour);
                                bucket.add(Observer.LOW, perHour / 10, 0);
                                bucket.add(Observer.MISSING, 0, 0);
                            }
                            case GROUP_PARITY -> {
                                for (int band = 0; band < BANDS.length; band++) {
                                    bucket.add(Observer.GROUP + BANDS[band], perHour / BANDS.length, 0);
                                    // The oldest band is approved less often: the parity gap the monitor reports.
                                    bucket.add(Observer.OUTCOME + BANDS[band], perHour / BANDS.length * (band == 3 ? 4 : 6) / 10, 0);
                                }
                                bucket.add(Observer.MISSING, 0, 0);
                            }
                            case MISSING_RATE -> bucket.add(Observer.MISSING, perHour / 100, 0);
                            default -> throw new IllegalStateException("not seeded: " + monitor.kind());
                        }
                    }
                    rows += bucket.rows;
                }
                insert.executeBatch();
            }
        }
        return new Seeded(systems, rows);
    }

    /** The rows of one system's hour, added to the insert's batch. */
    private static final class Bucket {
        private final PreparedStatement insert;
        private final String systemId;
        private final OffsetDateTime hour;
        private String metric;
        private int rows;

        Bucket(PreparedStatement insert, String systemId, OffsetDateTime hour) {
            this.insert = insert;
            this.systemId = systemId;
            this.hour = hour;
        }

        void add(String key, long count, double sum) throws SQLException {
            insert.setString(1, systemId);
            insert.setString(2, metric);
            insert.setObject(3, hour);
            insert.setString(4, key);
            insert.setLong(5, count);
            insert.setDouble(6, sum);
            insert.addBatch();
            rows++;
        }
    }

    /** The five monitors of the append rounds' plan, evaluated daily over 30 days, their references a month before. */
    private static List<Map<String, Object>> evaluatedMonitors(Instant now) {
        Instant end = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.DAYS);
        Map<String, Object> reference = Map.of("from", end.minus(Duration.ofDays(60)).toString(),
                "to", end.minus(Duration.ofDays(30)).toString());
        return List.of(
                Map.of("kind", "psi", "field", "/output/score", "bins", 10, "cadence", "P1D", "window", "P30D",
                        "reference", reference),
                Map.of("kind", "category_shift", "field", "/output/decision", "cadence", "P1D", "window", "P30D",
                        "reference", reference),
                Map.of("kind", "group_parity", "groupField", "/context/ageBand", "outcomeField", "/output/decision",
                        "outcomeValue", "approve", "cadence", "P1D", "window", "P30D"),
                Map.of("kind", "confidence", "cadence", "P1D", "window", "P30D"),
                Map.of("kind", "missing_rate", "field", "/input/income", "cadence", "P1D", "window", "P30D"));
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
