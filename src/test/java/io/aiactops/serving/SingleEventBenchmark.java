package io.aiactops.serving;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.aiactops.platform.security.ApiTokens;
import io.aiactops.platform.security.Roles;
import io.aiactops.support.Api;
import io.aiactops.support.BenchmarkApp;
import io.aiactops.support.JitWarmUp;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test: {@code ./mvnw -Pbenchmark verify -Dit.test=SingleEventBenchmark} (docs/benchmarks.md).
 * One event per HTTP request, as KServe's logger and most platforms send them, against the app's own
 * HTTP ceiling ({@code /actuator/health/liveness}: no database, no authentication), all at the same
 * concurrency, from the same client, in alternating rounds of one run; the raw single-row JDBC commit
 * rate beside them as the physical reference.
 */
class SingleEventBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkApp.RESULTS);

    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 16_000);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
    private static final int ROUNDS = 4;
    private static final String PAYLOAD = "{\"inputRef\":\"s3://requests/2026/12/05/8841.json\",\"context\":{\"ageBand\":\"30-39\"},"
            + "\"output\":{\"score\":0.73,\"decision\":\"refer\"},\"confidence\":0.91}";

    @Test
    void singleEventRequestsAgainstTheHttpCeiling() throws Exception {
        try (BenchmarkApp app = BenchmarkApp.start("aiactops_bench_single")) {
            Api admin = app.api();
            String systemId = TestSystems.uniqueId("bench");
            expect(admin.post("/api/systems", TestSystems.registration(systemId)), 201);
            IdentityService identity = app.bean(IdentityService.class);
            User client = identity.newUser("bench-ingest");
            client.setPassword("bench-ingest-secret");
            identity.saveUser(client);
            identity.createMembership("bench-ingest", Roles.INGEST);
            Api basic = Api.anonymous(app.port()).as("bench-ingest", "bench-ingest-secret");
            Api token = Api.anonymous(app.port()).withToken(app.bean(ApiTokens.class)
                    .issue("bench-ingest", "benchmark", BenchmarkApp.USER).secret());
            Api anonymous = Api.anonymous(app.port());
            String logs = "/api/systems/" + systemId + "/logs";
            KServeLogger kserve = new KServeLogger(token, systemId);

            List<Path> all = List.of(
                    new Path("liveness, GET /actuator/health/liveness (no auth, no database)",
                            i -> expect(anonymous.get("/actuator/health/liveness"), 200)),
                    new Path("single-event append, POST /logs, API token",
                            i -> expect(token.send("POST", logs, "application/json", event("t-" + i)), 201)),
                    new Path("single-event append, POST /logs, HTTP Basic",
                            i -> expect(basic.send("POST", logs, "application/json", event("b-" + i)), 201)),
                    // KServe's two requests per inference: the request half is kept pending, the response
                    // half pairs it into one inference event in the chain.
                    new Path("CloudEvents binary mode (KServe halves), API token",
                            i -> expect(i % 2 == 0 ? kserve.request("k-" + i / 2, Instant.now())
                                    : kserve.response("k-" + i / 2, Instant.now()), 200)),
                    new Path("raw JDBC single-row commit, autocommit, no app", null),
                    // As KServe's logger orders them: an inference's response half is sent after its request
                    // half was answered (the model answers in between), here by the same client.
                    new Path("CloudEvents binary mode, each request half then its response, token", 2, i -> {
                        expect(kserve.request("o-" + i, Instant.now()), 200);
                        expect(kserve.response("o-" + i, Instant.now()), 200);
                    }));
            // -Dbenchmark.paths=1,2 runs only those paths (0 is liveness), e.g. to profile one of them.
            String only = System.getProperty("benchmark.paths");
            List<Path> paths = only == null ? all
                    : Arrays.stream(only.split(",")).map(i -> all.get(Integer.parseInt(i.trim()))).toList();
            String url = app.databaseUrl();
            createPlainTable(url);
            List<Connection> connections = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                connections.add(DriverManager.getConnection(url, "postgres", "postgres"));
            }
            String warmUp = JitWarmUp.until(pass -> {
                for (Path path : paths) {
                    path.run(connections, REQUESTS / 8, -1 - REQUESTS * (pass + 1));
                }
            });
            int perRound = REQUESTS / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                // Each round starts with another path, so that none always follows the same one (its garbage).
                for (int p = 0; p < paths.size(); p++) {
                    paths.get((round + p) % paths.size()).run(connections, perRound, round * perRound);
                }
            }
            for (Connection connection : connections) {
                connection.close();
            }
            Path liveness = all.get(0);
            double ceiling = paths.contains(liveness) ? liveness.rate() : Double.NaN;
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """

                    === Single-event benchmark (PostgreSQL %s, %d requests per path in %d alternating rounds, %d clients) ===
                    %s
                    """, url, REQUESTS, ROUNDS, CLIENTS, warmUp));
            for (Path path : paths) {
                out.append(String.format(Locale.ROOT, "%-66s: %,8.0f /s   %4.0f %% of liveness   CPU per request: %s%n",
                        path.name(), path.rate(), 100 * path.rate() / ceiling, path.cpuPerRequest()));
            }
            out.append("target: single-event appends (API token) and CloudEvents binary mode >= 50 % of liveness");
            log.info(out.toString());
            // Every path's events in one chain, still valid after them all.
            Api.Response verification = expect(admin.get("/api/systems/" + systemId + "/logs/verify"), 200);
            if (!verification.json().get("valid").asBoolean()) {
                throw new IllegalStateException("the chain does not verify after the benchmark: " + verification.body());
            }
        }
    }

    private static String event(String clientEventId) {
        return "[{\"type\":\"inference\",\"occurredAt\":\"" + Instant.now() + "\",\"modelVersion\":\"1.0.0\","
                + "\"clientEventId\":\"" + clientEventId + "\",\"payload\":" + PAYLOAD + "}]";
    }

    /** One way in, timed over all its rounds; {@code request == null} is the raw JDBC reference. */
    private static final class Path {
        private final String name;
        private final Request request;
        private long done;
        private long nanos;
        private final long[] cpu = new long[3];
        /** The HTTP requests each call of {@code request} sends. */
        private final int perCall;

        Path(String name, Request request) {
            this(name, 1, request);
        }

        Path(String name, int perCall, Request request) {
            this.perCall = perCall;
            this.name = name;
            this.request = request;
        }

        String name() {
            return name;
        }

        double rate() {
            return done / (nanos / 1e9);
        }

        /** Microseconds of CPU per request: this JVM (app and client), PostgreSQL, the machine idle. */
        String cpuPerRequest() {
            return String.format(Locale.ROOT, "JVM %4.0f us, PostgreSQL %4.0f us, idle %4.0f us", cpu[0] / 1e3 / done,
                    cpu[1] / 1e3 / done, cpu[2] / 1e3 / done);
        }

        void run(List<Connection> connections, int requests, int offset) throws Exception {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                long[] cpuBefore = Cpu.now();
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    Connection connection = request == null ? connections.get(c) : null;
                    futures.add(pool.submit(() -> {
                        if (connection != null) {
                            insertRows(connection, next, requests, offset);
                            return null;
                        }
                        for (int i = next.getAndIncrement(); i < requests / perCall; i = next.getAndIncrement()) {
                            request.send(offset + perCall * i);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
                if (offset >= 0) {
                    nanos += System.nanoTime() - start;
                    done += requests / perCall * perCall;
                    long[] cpuAfter = Cpu.now();
                    for (int i = 0; i < cpu.length; i++) {
                        cpu[i] += cpuAfter[i] - cpuBefore[i];
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    /** CPU time in nanoseconds so far: this JVM, every PostgreSQL process, the machine's idle time (Linux /proc). */
    private static final class Cpu {
        private static final long NANOS_PER_TICK = 10_000_000; // USER_HZ is 100 on Linux

        static long[] now() throws IOException {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long postgres = 0;
            try (DirectoryStream<java.nio.file.Path> processes = Files.newDirectoryStream(Paths.get("/proc"), "[0-9]*")) {
                for (java.nio.file.Path process : processes) {
                    String stat;
                    try {
                        stat = Files.readString(process.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    if (stat.contains("(postgres)")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        postgres += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
                    }
                }
            }
            String[] machine = Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
            return new long[] {jvm, postgres, Long.parseLong(machine[4]) * NANOS_PER_TICK};
        }
    }

    private interface Request {
        void send(int i) throws Exception;
    }

    private static void createPlainTable(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE single_row (id VARCHAR(64) PRIMARY KEY, occurred_at TIMESTAMPTZ NOT NULL, payload JSONB NOT NULL)");
        }
    }

    private static void insertRows(Connection connection, AtomicInteger next, int rows, int offset) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO single_row VALUES (?, now(), CAST(? AS jsonb))")) {
            for (int i = next.getAndIncrement(); i < rows; i = next.getAndIncrement()) {
                insert.setString(1, "row-" + (offset + i));
                insert.setString(2, PAYLOAD);
                insert.executeUpdate();
            }
        }
    }

    private static Api.Response expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.toString());
        }
        return response;
    }
}
