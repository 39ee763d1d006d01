package io.aiactops.serving;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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

            List<Path> paths = List.of(
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
                    new Path("raw JDBC single-row commit, autocommit, no app", null));
            String url = app.databaseUrl();
            createPlainTable(url);
            for (Path path : paths) { // warm-up: the JIT compiles every path before the clock starts
                path.run(url, REQUESTS / 8, -1 - REQUESTS);
            }
            int perRound = REQUESTS / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                for (Path path : paths) {
                    path.run(url, perRound, round * perRound);
                }
            }
            double ceiling = paths.get(0).rate();
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """

                    === Single-event benchmark (PostgreSQL %s, %d requests per path in %d alternating rounds, %d clients) ===
                    """, url, REQUESTS, ROUNDS, CLIENTS));
            for (Path path : paths) {
                out.append(String.format(Locale.ROOT, "%-66s: %,8.0f /s   %4.0f %% of liveness%n", path.name(), path.rate(),
                        100 * path.rate() / ceiling));
            }
            out.append("target: single-event appends (API token) and CloudEvents binary mode >= 50 % of liveness");
            log.info(out.toString());
            expect(admin.get("/api/systems/" + systemId + "/logs/verify"), 200);
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

        Path(String name, Request request) {
            this.name = name;
            this.request = request;
        }

        String name() {
            return name;
        }

        double rate() {
            return done / (nanos / 1e9);
        }

        void run(String url, int requests, int offset) throws Exception {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Connection> connections = new ArrayList<>();
            try {
                for (int c = 0; request == null && c < CLIENTS; c++) {
                    connections.add(DriverManager.getConnection(url, "postgres", "postgres"));
                }
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    Connection connection = request == null ? connections.get(c) : null;
                    futures.add(pool.submit(() -> {
                        if (connection != null) {
                            insertRows(connection, next, requests, offset);
                            return null;
                        }
                        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                            request.send(offset + i);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
                if (offset >= 0) {
                    nanos += System.nanoTime() - start;
                    done += requests;
                }
            } finally {
                pool.shutdown();
                for (Connection connection : connections) {
                    connection.close();
                }
            }
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
