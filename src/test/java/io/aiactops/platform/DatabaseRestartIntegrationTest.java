package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.TestSystems;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server is stopped under load and started again, twice, while the app keeps running: a
 * server of this test's own (the embedded one, on a data directory and port that outlive it), so that its
 * stop ends every connection of the app and refuses new ones, as a restart in production does. Requests
 * during the outage answer 503 problem+json quickly, the app recovers by itself, and nothing is half-written.
 */
class DatabaseRestartIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestartIntegrationTest.class);
    private static final int WRITERS = 3;
    private static final int BATCH = 50;
    private static final int ROUNDS = 2;
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    /** Hikari's connection-timeout is 5 s; an answer during the outage must not take much longer. */
    private static final Duration QUICK = Duration.ofSeconds(10);

    record Sent(String batch, Instant start, Instant end, int status, String contentType, String body) {
    }

    @Test
    void requestsDuringADatabaseOutageAnswer503AndTheAppRecoversWithNothingHalfWritten() throws Exception {
        Path dataDirectory = Files.createTempDirectory("dbrestart-pg");
        int port = freePort();
        EmbeddedPostgres[] server = { serverOn(dataDirectory, port) };
        try (Connection c = server[0].getPostgresDatabase().getConnection(); Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE dbrestart");
        }
        String url = "jdbc:postgresql://localhost:" + port + "/dbrestart";
        String systemId = TestSystems.uniqueId("dbrestart");
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        List<Instant[]> outages = new ArrayList<>();

        // Closed in reverse order: the app, then the server and its data directory.
        try (AutoCloseable stop = () -> stop(server[0], dataDirectory); AppProcess app = ProductionApp.start(url)) {
            Api api = ProductionApp.admin(app);
            assertThat(api.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                String prefix = "w" + w;
                writers.submit(() -> write(api, systemId, prefix, running, sent));
            }
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    Thread.sleep(3_000);
                    Instant down = Instant.now();
                    server[0].close(); // pg_ctl stop, fast mode: open transactions are rolled back
                    Thread.sleep(OUTAGE.toMillis());
                    server[0] = serverOn(dataDirectory, port);
                    outages.add(new Instant[] { down, Instant.now() });
                }
                Thread.sleep(5_000);
            } finally {
                running.set(false);
                writers.shutdown();
                assertThat(writers.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
            }

            // During each outage (from one second after it began to its end), only 503 problems, quickly.
            List<Sent> duringOutage = sent.stream().filter(s -> outages.stream().anyMatch(
                    o -> s.start().isAfter(o[0].plusSeconds(1)) && s.end().isBefore(o[1]))).toList();
            assertThat(duringOutage).as("requests during the outages").isNotEmpty();
            assertThat(duringOutage).allSatisfy(s -> {
                assertThat(s.status()).as(s.body()).isEqualTo(503);
                assertThat(s.contentType()).startsWith("application/problem+json");
                assertThat(s.body()).contains("database is unavailable");
            });
            Map<Integer, Long> statuses = sent.stream().collect(Collectors.groupingBy(Sent::status, Collectors.counting()));
            String errors = app.output().lines().filter(l -> l.contains("Exception") || l.contains(" ERROR "))
                    .distinct().limit(40).collect(Collectors.joining("\n"));
            assertThat(statuses.keySet()).as("every answer is 201 or 503: %s; app errors:\n%s", statuses, errors)
                    .isSubsetOf(201, 503);
            Duration slowest = sent.stream().map(s -> Duration.between(s.start(), s.end())).max(Duration::compareTo)
                    .orElseThrow();
            assertThat(slowest).as("the slowest answer").isLessThan(QUICK);
            // Recovered without a restart: every request that started two seconds after the last outage got a 201.
            Instant recovered = outages.get(outages.size() - 1)[1].plusSeconds(2);
            List<Sent> after = sent.stream().filter(s -> s.start().isAfter(recovered)).toList();
            assertThat(after).isNotEmpty().allSatisfy(s -> assertThat(s.status()).as(s.body()).isEqualTo(201));

            // Nothing half-written: each batch is stored whole or not at all, and every 201 whole.
            Map<String, Integer> storedPerBatch = new HashMap<>();
            for (String id : ProductionApp.column(url,
                    "SELECT client_event_id FROM log_event WHERE system_id = ? AND client_event_id IS NOT NULL", systemId)) {
                storedPerBatch.merge(id.substring(0, id.lastIndexOf('-')), 1, Integer::sum);
            }
            int acknowledgedEvents = 0;
            int refusedButStored = 0;
            for (Sent s : sent) {
                int stored = storedPerBatch.getOrDefault(s.batch(), 0);
                assertThat(stored).as("events of batch %s (answer %d)", s.batch(), s.status()).isIn(0, BATCH);
                if (s.status() == 201) {
                    assertThat(stored).as("acknowledged batch %s", s.batch()).isEqualTo(BATCH);
                    acknowledgedEvents += BATCH;
                } else if (stored == BATCH) {
                    refusedButStored++;
                }
            }
            JsonNode verification = api.get("/api/systems/" + systemId + "/logs/verify").json();
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
            long in503 = statuses.getOrDefault(503, 0L);
            log.info("RELIABILITY database restart: {} outages of {} s under {} writers; {} requests: {} answered 201"
                    + " ({} events, all stored), {} answered 503 problem+json ({} of them during an outage), 0 of another"
                    + " status; slowest answer {} ms; recovered without a restart (all {} requests after the last outage 201);"
                    + " batches half-written: 0, refused but stored whole: {}; chain of {} events verified",
                    ROUNDS, OUTAGE.toSeconds(), WRITERS, sent.size(), statuses.getOrDefault(201, 0L), acknowledgedEvents,
                    in503, duringOutage.size(), slowest.toMillis(), after.size(), refusedButStored,
                    verification.get("events") == null ? storedPerBatch.values().stream().mapToInt(i -> i).sum()
                            : verification.get("events").asText());
        }
    }

    /** The embedded server on this data directory and port; the data directory is kept when it stops. */
    private static EmbeddedPostgres serverOn(Path dataDirectory, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .start();
    }

    private static void stop(EmbeddedPostgres server, Path dataDirectory) throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void write(Api api, String systemId, String prefix, AtomicBoolean running,
            ConcurrentLinkedQueue<Sent> sent) {
        for (int batch = 0; running.get(); batch++) {
            String name = prefix + "-b" + batch;
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < BATCH; i++) {
                String id = name + "-" + i;
                body.append(i == 0 ? "" : ",").append("{\"type\":\"custom\",\"clientEventId\":\"").append(id)
                        .append("\",\"payload\":{\"i\":").append(i).append("}}");
            }
            Instant start = Instant.now();
            Api.Response response;
            try {
                response = api.send("POST", "/api/systems/" + systemId + "/logs", "application/json",
                        body.append(']').toString());
            } catch (RuntimeException e) {
                sent.add(new Sent(name, start, Instant.now(), -1, "", String.valueOf(e)));
                continue;
            }
            sent.add(new Sent(name, start, Instant.now(), response.status(), response.contentType(), response.body()));
        }
    }
}
