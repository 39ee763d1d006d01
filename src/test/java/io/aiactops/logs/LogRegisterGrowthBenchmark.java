package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.BenchmarkApp;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test: {@code ./mvnw -Pbenchmark verify -Dit.test=LogRegisterGrowthBenchmark} (docs/benchmarks.md).
 * How the register behaves as it grows. Measures HTTP ingest on an empty register first, then seeds
 * N events (default 20 million, {@code -Dbenchmark.events=}) over 6 months for 10 systems by COPY with
 * valid chains ({@link RegisterSeeder}), and on that register measures ingest again, one-hour window
 * and type+window reads, the export, full and incremental verification, the purge of one month by
 * row-by-row delete (rolled back) and by partition drop, and the bytes per event.
 */
class LogRegisterGrowthBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkApp.RESULTS);

    private static final long EVENTS = Long.getLong("benchmark.events", 20_000_000L);
    private static final int SYSTEMS = Integer.getInteger("benchmark.systems", 10);
    private static final int MONTHS = 6;
    private static final int INGEST = Integer.getInteger("benchmark.ingest", 100_000);
    /** The append benchmark's batch size: its loop sends them and counts events by it. */
    private static final int BATCH = Integer.getInteger("benchmark.batch", 1_000);
    private static final int CLIENTS = 2;
    private static final int WINDOWS = 200;
    /** Ingest rounds on each side, each into its own chain; the median is compared. */
    private static final int INGEST_ROUNDS = 5;
    /**
     * Until the JIT has compiled the whole HTTP append path: after 300 batches the empty side's rounds
     * still rose from one to the next (23,000 to 32,000 events/s) and its median was half the warmed rate.
     */
    private static final int WARMUP_BATCHES = Integer.getInteger("benchmark.warmup", 1_000);

    @Test
    void registerAtSize() throws Exception {
        try (BenchmarkApp app = BenchmarkApp.start("aiactops_bench_growth")) {
            String url = app.databaseUrl();
            Api api = app.api();
            List<byte[]> all = new ArrayList<>();
            for (int b = 0; b < Math.max(INGEST / BATCH, WARMUP_BATCHES); b++) {
                all.add(batchBody(b).getBytes(StandardCharsets.UTF_8));
            }
            List<byte[]> warmUpBatches = all.subList(0, WARMUP_BATCHES);
            ingest(api, register(api, "growth-warmup"), warmUpBatches); // JIT and pool, on a chain of its own
            List<byte[]> batches = all.subList(0, INGEST / BATCH);
            // Statistics, as autovacuum would have them, so that both ingest runs are planned alike (the
            // benchmark server may run without autovacuum; the seeded register is analyzed below).
            sql(url, "ANALYZE log_event");
            double[] emptyRounds = new double[INGEST_ROUNDS];
            for (int r = 0; r < INGEST_ROUNDS; r++) {
                emptyRounds[r] = ingestRound(api, url, register(api, "growth-empty"), batches);
            }

            // Six months ending two months ago, so that its first month is past the legal minimum of 183 days.
            Instant start = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                    .minusMonths(MONTHS + 2L).toInstant();
            Instant end = ZonedDateTime.ofInstant(start, ZoneOffset.UTC).plusMonths(MONTHS).toInstant();
            long perSystem = EVENTS / SYSTEMS;
            Duration step = Duration.between(start, end).dividedBy(perSystem);
            List<String> systems = new ArrayList<>();
            long seedStarted = System.nanoTime();
            ExecutorService seeders = Executors.newFixedThreadPool(2);
            List<Future<?>> seeded = new ArrayList<>();
            for (int s = 0; s < SYSTEMS; s++) {
                String system = "growth-" + s;
                systems.add(system);
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                    RegisterSeeder.createSystem(c, system, 183, start);
                }
                seeded.add(seeders.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                        return RegisterSeeder.append(c, system, start, step, perSystem);
                    }
                }));
            }
            for (Future<?> f : seeded) {
                f.get();
            }
            seeders.shutdown();
            double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
            sql(url, "VACUUM ANALYZE log_event");
            checkpoint(url);

            // The same warm-up again: seeding ran the register's own hashing in this JVM with other data, so
            // the at-size rounds start, like the empty ones, from a JIT profile of the append path. A chain
            // of its own again: into the first one, the same client event ids would all be duplicates.
            ingest(api, register(api, "growth-warmup"), warmUpBatches);
            String busy = systems.get(0);
            double[] atSizeRounds = new double[INGEST_ROUNDS];
            for (int r = 0; r < INGEST_ROUNDS; r++) {
                // The last seeded chains: the first two are exported, verified and purged below as seeded.
                atSizeRounds[r] = ingestRound(api, url, systems.get(SYSTEMS - 1 - r), batches);
            }
            double ingestEmpty = percentile(emptyRounds, 50);
            double ingestAtSize = percentile(atSizeRounds, 50);

            Random random = new Random(14);
            long spanSeconds = Duration.between(start, end).toSeconds() - 3600;
            double[] window = new double[WINDOWS];
            double[] typed = new double[WINDOWS];
            double[] windowQuery = new double[WINDOWS];
            double[] typedQuery = new double[WINDOWS];
            long windowEvents = 0;
            LogEventStore store = app.bean(LogEventStore.class);
            for (int i = 0; i < WINDOWS; i++) {
                String system = systems.get(random.nextInt(SYSTEMS));
                Instant from = start.plusSeconds((long) (random.nextDouble() * spanSeconds));
                Instant to = from.plusSeconds(3600);
                String query = "/api/systems/" + system + "/logs?limit=1000&from=" + from + "&to=" + to;
                long t = System.nanoTime();
                Api.Response page = api.get(query);
                window[i] = (System.nanoTime() - t) / 1e6;
                assertThat(page.status()).isEqualTo(200);
                windowEvents += page.json().get("events").size();
                t = System.nanoTime();
                assertThat(api.get(query + "&type=monitoring_signal").status()).isEqualTo(200);
                typed[i] = (System.nanoTime() - t) / 1e6;
                // The same reads without HTTP, login and JSON: what the database and the mapping cost.
                t = System.nanoTime();
                store.find(system, new LogQuery(from, to, List.of(), 0, 1000));
                windowQuery[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                store.find(system, new LogQuery(from, to, List.of("monitoring_signal"), 0, 1000));
                typedQuery[i] = (System.nanoTime() - t) / 1e6;
            }

            String exported = systems.get(1);
            long exportStarted = System.nanoTime();
            long exportedLines = streamLines(app, "/api/systems/" + exported + "/logs/export");
            double exportRate = exportedLines / ((System.nanoTime() - exportStarted) / 1e9);

            long verifyStarted = System.nanoTime();
            JsonNode full = api.get("/api/systems/" + exported + "/logs/verify").json();
            double verifyRate = full.get("eventsChecked").asLong() / ((System.nanoTime() - verifyStarted) / 1e9);
            assertThat(full.get("valid").asBoolean()).as(full.toString()).isTrue();
            app.bean(Checkpointer.class).checkpoint();
            assertThat(ingest(api, exported, batches.subList(0, 10))).isPositive();
            long incrementalStarted = System.nanoTime();
            JsonNode incremental = api.get("/api/systems/" + exported + "/logs/verify?fromCheckpoint=latest").json();
            double incrementalMs = (System.nanoTime() - incrementalStarted) / 1e6;
            assertThat(incremental.get("valid").asBoolean()).as(incremental.toString()).isTrue();

            long stored = column(url, "SELECT sum(last_seq - anchor_seq) FROM log_chain_head");
            long bytes = column(url, "SELECT sum(pg_total_relation_size(format('%I', partition_name)::regclass)) "
                    + "FROM log_event_partitions()");

            // One month: first deleted row by row through log_purge and rolled back, then dropped for real.
            LogEventStore.Partition month = app.bean(LogEventStore.class).partitions().get(0);
            long monthEvents = column(url, "SELECT count(*) FROM " + month.name());
            double deleteSeconds;
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                c.setAutoCommit(false);
                long t = System.nanoTime();
                try (PreparedStatement purge = c.prepareStatement("SELECT log_purge(?, (SELECT max(seq) FROM "
                        + month.name() + " WHERE system_id = ?))")) {
                    for (String system : systems) {
                        purge.setString(1, system);
                        purge.setString(2, system);
                        purge.execute();
                    }
                }
                deleteSeconds = (System.nanoTime() - t) / 1e9;
                c.rollback();
            }
            checkpoint(url);
            RetentionPurge retention = app.bean(RetentionPurge.class);
            long dropStarted = System.nanoTime();
            // "Now" for the purge: just late enough for this month, too early for the next one.
            List<RetentionPurge.PartitionOutcome> dropped = retention.dropExpiredPartitions(
                    month.to().plus(Duration.ofDays(183)).plusSeconds(60));
            double dropSeconds = (System.nanoTime() - dropStarted) / 1e9;
            assertThat(dropped).singleElement().satisfies(o -> assertThat(o.dropped()).as(o.toString()).isTrue());
            for (String system : List.of(busy, exported)) {
                JsonNode after = api.get("/api/systems/" + system + "/logs/verify").json();
                assertThat(after.get("valid").asBoolean()).as(after.toString()).isTrue();
            }

            log.info(String.format(Locale.ROOT, """
                    %n=== Log register growth benchmark (PostgreSQL %s) ===
                    register: %,d events seeded by COPY over %d months for %d systems in %.0f s (%,.0f events/s); %,d stored
                    HTTP ingest, empty register   : %,10.0f events/s  (median of %s; %d events a round, batches of %d, %d clients)
                    HTTP ingest, at %,d events : %,10.0f events/s  (median of %s) = %.0f %% of empty (target >= 90 %%)
                    1-hour window read, %d windows: p50 %6.1f ms  p99 %6.1f ms  (%.0f events per window; target p99 < 50 ms)
                    type+window read,  %d windows: p50 %6.1f ms  p99 %6.1f ms
                      the same, in process (query and mapping, no HTTP): window p50 %.1f ms p99 %.1f ms, type+window p50 %.1f ms p99 %.1f ms
                    export (NDJSON, streamed)     : %,10.0f events/s  (%,d events)
                    full verify                   : %,10.0f events/s  (%,d events)
                    incremental verify            : %10.1f ms  (%d events after checkpoint %s)
                    purge one month (%s, %,d events):
                      row-by-row delete (log_purge, rolled back): %8.1f s
                      partition drop (anchors, records, DETACH + DROP): %8.3f s  (target < 5 s)
                    bytes per event (table + indexes): %,d%n""", url, EVENTS, MONTHS, SYSTEMS, seedSeconds,
                    EVENTS / seedSeconds, stored, ingestEmpty, rounds(emptyRounds), INGEST, BATCH, CLIENTS, EVENTS, ingestAtSize,
                    rounds(atSizeRounds),
                    100 * ingestAtSize / ingestEmpty, WINDOWS, percentile(window, 50), percentile(window, 99),
                    windowEvents / (double) WINDOWS, WINDOWS, percentile(typed, 50), percentile(typed, 99),
                    percentile(windowQuery, 50), percentile(windowQuery, 99), percentile(typedQuery, 50),
                    percentile(typedQuery, 99), exportRate,
                    exportedLines, verifyRate, full.get("eventsChecked").asLong(), incrementalMs,
                    incremental.get("eventsChecked").asLong(), incremental.path("fromCheckpoint").path("seq").asText("-"),
                    month.name(), monthEvents, deleteSeconds, dropSeconds, bytes / stored));
        }
    }

    private static String register(Api api, String prefix) {
        String id = TestSystems.uniqueId(prefix);
        assertThat(api.post("/api/systems", TestSystems.registration(id)).status()).isEqualTo(201);
        return id;
    }

    /**
     * One ingest round into a chain of its own, from a fresh heap and a fresh checkpoint, so that neither
     * the garbage of the seeding nor its dirty pages are charged to the round measured after it.
     */
    private static double ingestRound(Api api, String url, String systemId, List<byte[]> batches) throws Exception {
        System.gc();
        checkpoint(url);
        return ingest(api, systemId, batches);
    }

    private static String rounds(double[] rates) {
        return java.util.Arrays.stream(rates).mapToObj(r -> String.format(Locale.ROOT, "%,.0f", r))
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    /** Sends the batches from {@link #CLIENTS} threads as the append benchmark does; returns events per second. */
    private static double ingest(Api api, String systemId, List<byte[]> batches) throws Exception {
        return LogRegisterBenchmark.run(api, systemId, batches, CLIENTS);
    }

    /** The lines of a streamed response, counted as they arrive: an export of millions does not fit a string. */
    private static long streamLines(BenchmarkApp app, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (BenchmarkApp.USER + ":" + BenchmarkApp.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = response.body()) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static void checkpoint(String url) throws Exception {
        sql(url, "CHECKPOINT");
    }

    private static void sql(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long column(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A batch of inferences like the seeded ones, occurring now. */
    private static String batchBody(int batch) {
        StringBuilder body = new StringBuilder(BATCH * 520).append('[');
        String occurredAt = Instant.now().toString();
        for (int i = 0; i < BATCH; i++) {
            int n = batch * BATCH + i;
            body.append(i == 0 ? "" : ",").append("{\"type\":\"inference\",\"occurredAt\":\"").append(occurredAt)
                    .append("\",\"modelVersion\":\"1.4.2\",\"clientEventId\":\"bench-").append(batch).append('-').append(i)
                    .append("-").append(System.nanoTime()).append("\",\"payload\":{\"inputRef\":\"s3://requests/").append(n)
                    .append(".json\",\"output\":{\"score\":0.").append(1000 + n % 9000)
                    .append(",\"decision\":\"refer\"},\"confidence\":0.91,\"features\":{\"income_band\":\"B3\","
                            + "\"region\":\"EU-12\",\"applicant_age_band\":\"30-39\",\"requested_amount\":4567}}}");
        }
        return body.append(']').toString();
    }
}
