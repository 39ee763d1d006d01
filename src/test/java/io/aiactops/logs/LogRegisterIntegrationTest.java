package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.registry.Registry;
import io.aiactops.support.Api;
import io.aiactops.support.Await;
import io.micrometer.core.instrument.MeterRegistry;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LogRegisterIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RetentionPurge retention;
    @Autowired
    Checkpointer checkpointer;
    @Autowired
    LogRegister register;
    @Autowired
    LogEventStore store;
    @Autowired
    Registry registry;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    LogMetrics logMetrics;
    @Autowired
    LogPartitions partitions;
    @Autowired
    LogsProperties logsProperties;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @TempDir
    Path files;

    Api api;
    String systemId;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api.as("process-owner"), "logs");
    }

    @Test
    void appendsQueriesExportsAndVerifies() throws Exception {
        Api.Response appended = ingest("""
                [{"type":"inference","occurredAt":"2026-11-25T09:30:00Z","modelVersion":"1.0.0","clientEventId":"r-1",
                  "payload":{"inputRef":"req/1","output":{"score":0.70,"decision":"refer"},"confidence":0.91}},
                 {"type":"monitoring_signal","occurredAt":"2026-11-25T09:31:00Z","payload":{"metric":"accuracy","value":0.84}},
                 {"type":"custom","occurredAt":"2026-11-25T09:32:00Z","payload":{"note":"Grüße, \\"quoted\\", a,b"}}]""");

        assertThat(appended.status()).isEqualTo(201);
        JsonNode result = appended.json();
        assertThat(result.get("lastSeq").asLong() - result.get("firstSeq").asLong()).isEqualTo(2);
        assertThat(result.get("headHash").asText()).hasSize(64);

        JsonNode page = api.as("auditor").get(logs("?type=inference,custom&limit=1")).json();
        assertThat(page.get("events")).hasSize(1);
        JsonNode inference = page.get("events").get(0);
        assertThat(inference.get("type").asText()).isEqualTo("inference");
        assertThat(inference.get("actor").asText()).isEqualTo("ingest");
        assertThat(inference.get("occurredAt").asText()).isEqualTo("2026-11-25T09:30:00.000000Z");
        assertThat(inference.at("/payload/output/score").decimalValue()).isEqualByComparingTo("0.7");
        JsonNode next = api.as("auditor").get(logs("?type=inference,custom&afterSeq=" + page.get("nextAfterSeq").asLong())).json();
        assertThat(next.get("events")).extracting(e -> e.get("type").asText()).containsExactly("custom");
        assertThat(api.as("auditor").get(logs("?from=2026-11-25T09:31:00Z&to=2026-11-25T09:32:00Z")).json().get("events"))
                .extracting(e -> e.get("type").asText()).containsExactly("monitoring_signal");
        assertThat(api.as("auditor").get(logs("?from=2026-11-25T10:31:00%2B01:00&to=2026-11-25T10:32:00%2B01:00")).json()
                .get("events")).extracting(e -> e.get("type").asText()).containsExactly("monitoring_signal");
        Api.Response unencoded = api.as("auditor").get(logs("?from=2026-11-25T10:31:00+01:00&to=2026-11-25T10:32:00Z"));
        assertThat(unencoded.status()).isEqualTo(400);
        assertThat(unencoded.json().get("detail").asText()).startsWith("from: ").endsWith("(a '+' in a query string must be sent as %2B)");

        Api.Response export = api.as("auditor").get(logs("/export"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(export.body().lines()).hasSize(4); // the registration, then the three events
        Api.Response csv = api.as("incident-manager").get(logs("/export?format=csv"));
        assertThat(csv.body().lines().findFirst()).contains(LogExportFormat.CSV_HEADER.strip());
        assertThat(csv.body()).contains("\"{\"\"note\"\":\"\"Grüße, \\\"\"quoted\\\"\", a,b\"\"}\"");

        JsonNode verification = api.as("auditor").get(logs("/verify")).json();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("eventsChecked").asLong()).isEqualTo(4);
        assertThat(verification.get("headHash").asText()).isEqualTo(result.get("headHash").asText());
        assertThat(offlineVerifier(export.body(), null).get("valid").asBoolean()).isTrue();
    }

    /** Verification writes envelopes from PostgreSQL's jsonb text: every shape it prints must hash as ingested. */
    @Test
    void payloadsOfEveryShapeVerifyAsPostgresqlGivesThemBack() throws Exception {
        Api.Response appended = ingest("""
                [{"type":"custom","payload":{"zz":1,"a":2,"\\uFF21":3,"\\uD83D\\uDE00":4,"B":5,"é":6,"":7}},
                 {"type":"custom","payload":{"s":"tab\\t nl\\n bell\\u0007 us\\u001f quote\\" back\\\\ slash/ \\u2028 Grüße 😀"}},
                 {"type":"custom","payload":{"n":[1.50,1e3,-0.0,-0,1E-7,0.000,12345678901234567890123,-7.25,2.500e2]}},
                 {"type":"custom","payload":{"long":1234567890.12345678901234567890123456789012345678901234567890}},
                 {"type":"custom","payload":{"deep":{"b":[{"y":{},"x":[]},[[true,false,null]]],"a":{"dd":"x","c":"y"}}}},
                 {"type":"custom","clientEventId":"id \\"quoted\\" é","modelVersion":"v\\\\1","payload":{}}]""");
        assertThat(appended.status()).as(appended.body()).isEqualTo(201);

        JsonNode verification = api.as("auditor").get(logs("/verify")).json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("eventsChecked").asLong()).isEqualTo(7);
        assertThat(offlineVerifier(api.as("auditor").get(logs("/export")).body(), null).get("valid").asBoolean()).isTrue();
    }

    @Test
    void acceptsNdjsonAndStoresARepeatedClientEventIdOnce() {
        Api.Response first = api.as("ingest").send("POST", logs(""), "application/x-ndjson",
                "{\"type\":\"custom\",\"clientEventId\":\"a\"}\n{\"type\":\"custom\",\"clientEventId\":\"b\"}\n");
        Api.Response again = api.as("ingest").send("POST", logs(""), "application/x-ndjson",
                "{\"type\":\"custom\",\"clientEventId\":\"b\"}\n{\"type\":\"custom\",\"clientEventId\":\"c\"}\n{\"type\":\"custom\",\"clientEventId\":\"c\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("appended").asInt()).isEqualTo(1);
        assertThat(again.json().get("duplicates")).hasSize(2);
        assertThat(again.json().at("/duplicates/0/clientEventId").asText()).isEqualTo("b");
        assertThat(again.json().at("/duplicates/0/seq").asLong()).isEqualTo(first.json().get("lastSeq").asLong());
        assertThat(again.json().at("/duplicates/1/index").asInt()).isEqualTo(2);
        assertThat(events()).isEqualTo(1 + 3);
        Api.Response allRepeated = api.as("ingest").send("POST", logs(""), "application/x-ndjson", "{\"type\":\"custom\",\"clientEventId\":\"a\"}");
        assertThat(allRepeated.status()).isEqualTo(200);
        assertThat(allRepeated.json().get("firstSeq").isNull()).isTrue();
    }

    @Test
    void eventsPlacedAgainAfterAStoredIdWasFoundAreHashedForTheirNewPlace() {
        // Events with their own time are partly hashed before the append; found beside a stored id,
        // they are placed again, one seq earlier, and hashed again for that place.
        assertThat(ingest("[{\"type\":\"custom\",\"clientEventId\":\"seen\",\"occurredAt\":\"2026-12-01T00:00:00Z\"}]")
                .status()).isEqualTo(201);
        Api.Response mixed = ingest("[{\"type\":\"custom\",\"clientEventId\":\"seen\",\"occurredAt\":\"2026-12-01T00:00:00Z\"},"
                + "{\"type\":\"custom\",\"clientEventId\":\"new\",\"occurredAt\":\"2026-12-01T00:00:01Z\",\"payload\":{\"n\":2}},"
                + "{\"type\":\"custom\",\"occurredAt\":\"2026-12-01T00:00:02Z\",\"payload\":{\"n\":3}}]");

        assertThat(mixed.status()).as(mixed.body()).isEqualTo(201);
        assertThat(mixed.json().get("appended").asInt()).isEqualTo(2);
        assertThat(mixed.json().get("duplicates")).hasSize(1);
        JsonNode verification = api.as("auditor").get(logs("/verify")).json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        String tenThousandAndOne = "[" + String.join(",", Collections.nCopies(10_001, "{\"type\":\"custom\"}")) + "]";
        Map<String, Object[]> cases = Map.of(
                "[{\"type\":\"custom\"},{\"type\":", new Object[] { "application/json", 400, "[1]" },
                "[{\"type\":\"custom\"},{\"payload\":{}}]", new Object[] { "application/json", 400, "[1].type" },
                tenThousandAndOne, new Object[] { "application/json", 400, "$" },
                "[{\"type\":\"custom\"}]", new Object[] { "text/plain", 415, "Content-Type" },
                "type=custom", new Object[] { "application/x-www-form-urlencoded", 415, "Content-Type" },
                "[{\"type\":\"custom\",\"occurredAt\":\"25/11/2026\"}]", new Object[] { "application/json", 400, "[0].occurredAt" });
        long before = events();
        cases.forEach((body, expected) -> {
            Api.Response response = api.as("ingest").send("POST", logs(""), (String) expected[0], body);
            assertThat(response.status()).as(body.substring(0, Math.min(60, body.length()))).isEqualTo(expected[1]);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("field").asText()).isEqualTo(expected[2]);
        });
        assertThat(api.as("ingest").send("POST", logs(""), null, "[{\"type\":\"custom\"}]").status()).isEqualTo(415);
        assertThat(events()).isEqualTo(before);

        assertThat(api.as("ingest").send("POST", "/api/systems/no-such-system/logs", "application/json",
                "[{\"type\":\"custom\"}]").status()).isEqualTo(404);
        // One event stored first, so that this node sends the next by compare and set: the refusal must
        // come from that statement's own status check.
        assertThat(ingest("[{\"type\":\"custom\"}]").status()).isEqualTo(201);
        long stored = events();
        jdbc.sql("UPDATE ai_system SET status = 'WITHDRAWN' WHERE id = ?").param(systemId).update();
        Api.Response withdrawn = ingest("[{\"type\":\"custom\"}]");
        assertThat(withdrawn.status()).isEqualTo(409);
        assertThat(events()).isEqualTo(stored);
    }

    @Test
    void onlyIngestClientsAndProcessOwnersAppendAndOnlyReadersRead() {
        assertThat(api.send("POST", logs(""), "application/json", "[{\"type\":\"custom\"}]").status()).isEqualTo(401);
        assertThat(api.as("auditor").send("POST", logs(""), "application/json", "[{\"type\":\"custom\"}]").status()).isEqualTo(403);
        assertThat(api.as("overseer").send("POST", logs(""), "application/json", "[{\"type\":\"custom\"}]").status()).isEqualTo(403);
        assertThat(api.as("process-owner").send("POST", logs(""), "application/json", "[{\"type\":\"custom\"}]").status()).isEqualTo(201);
        assertThat(api.as("ingest").get(logs("")).status()).isEqualTo(403);
        assertThat(api.as("auditor").post(logs("/purge"), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void eightConcurrentWritersMakeOneGapFreeChain() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> acknowledged = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
            int w = writer;
            acknowledged.add(writers.submit(() -> {
                int stored = 0;
                for (int batch = 0; batch < 50; batch++) {
                    StringBuilder body = new StringBuilder("[");
                    for (int i = 0; i < 100; i++) {
                        body.append(i == 0 ? "" : ",").append("{\"type\":\"inference\",\"clientEventId\":\"w").append(w)
                                .append('-').append(batch).append('-').append(i)
                                .append("\",\"payload\":{\"inputRef\":\"r\",\"output\":").append(i).append("}}");
                    }
                    Api.Response response = ingest(body.append(']').toString());
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    stored += response.json().get("appended").asInt();
                }
                return stored;
            }));
        }
        int total = 0;
        for (Future<Integer> writer : acknowledged) {
            total += writer.get();
        }
        writers.shutdown();

        assertThat(total).isEqualTo(40_000);
        JsonNode verification = api.as("auditor").get(logs("/verify")).json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("headSeq").asLong()).isEqualTo(40_001);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM log_event WHERE system_id = ?")
                .param(systemId).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(40_001L, 1L, 40_001L);
    }

    @Test
    void concurrentSingleEventRequestsShareCommitsAndEachGetsItsOwnAnswer() throws Exception {
        double transactionsBefore = meters.timer(LogMetrics.APPEND).count();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<List<JsonNode>>> answers = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            // Two clients send each id: one of them stores it, the other is told it is a duplicate of it.
            int pair = client / 2;
            answers.add(clients.submit(() -> {
                List<JsonNode> mine = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    Api.Response response = ingest("[{\"type\":\"inference\",\"clientEventId\":\"p" + pair + "-" + i
                            + "\",\"payload\":{\"inputRef\":\"r\",\"output\":" + i + "}}]");
                    assertThat(response.status()).as(response.body()).isIn(200, 201);
                    mine.add(response.json());
                }
                return mine;
            }));
        }
        Map<String, Long> storedAs = new HashMap<>();
        List<JsonNode> duplicates = new ArrayList<>();
        for (Future<List<JsonNode>> client : answers) {
            for (JsonNode answer : client.get()) {
                if (answer.get("appended").asInt() == 1) {
                    assertThat(answer.get("firstSeq").asLong()).isEqualTo(answer.get("lastSeq").asLong());
                    storedAs.put(clientEventIdAt(answer.get("firstSeq").asLong()), answer.get("firstSeq").asLong());
                } else {
                    duplicates.add(answer.get("duplicates").get(0));
                }
            }
        }
        clients.shutdown();

        assertThat(storedAs).hasSize(400);
        assertThat(duplicates).hasSize(400).allSatisfy(duplicate -> assertThat(duplicate.get("seq").asLong())
                .isEqualTo(storedAs.get(duplicate.get("clientEventId").asText())));
        assertThat(api.as("auditor").get(logs("/verify")).json().get("valid").asBoolean()).isTrue();
        // Fewer append transactions than requests that stored an event: they were grouped.
        assertThat(meters.timer(LogMetrics.APPEND).count() - transactionsBefore).isLessThan(400);
    }

    @Test
    void twoNodesSendingSingleEventsToOneChainTakeTurnsAndStoreEachIdOnce() throws Exception {
        // A second node's register on the same database: its own groups and its own idea of the head.
        LogRegister otherNode = new LogRegister(store, registry, objectMapper, Clock.systemUTC(), logMetrics,
                partitions, logsProperties, transactionManager);
        List<LogRegister> nodes = List.of(register, otherNode);
        ExecutorService clients = Executors.newFixedThreadPool(7);
        List<Future<List<AppendResult>>> answers = new ArrayList<>();
        for (int client = 0; client < 6; client++) {
            // Each id is sent through both nodes: one stores it, the other answers it as a duplicate.
            LogRegister node = nodes.get(client % 2);
            int pair = client / 2;
            answers.add(clients.submit(() -> {
                List<AppendResult> mine = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    mine.add(node.ingest(systemId, "ingest", List.of(new NewLogEvent(LogEventType.INFERENCE, null, null,
                            "n" + pair + "-" + i, "{\"inputRef\":\"r\",\"output\":" + i + "}"))));
                }
                return mine;
            }));
        }
        // Meanwhile a capability records its own events through the first node, under the head's lock.
        Future<Integer> recorded = clients.submit(() -> {
            for (int i = 0; i < 50; i++) {
                register.record(systemId, LogEventType.CONFIGURATION_CHANGED, "test", Map.of("change", i));
            }
            return 50;
        });
        Map<String, Long> storedAs = new HashMap<>();
        List<AppendResult.Duplicate> duplicates = new ArrayList<>();
        for (Future<List<AppendResult>> client : answers) {
            for (AppendResult answer : client.get()) {
                if (answer.appended() == 1) {
                    assertThat(storedAs.put(clientEventIdAt(answer.firstSeq()), answer.firstSeq())).isNull();
                } else {
                    duplicates.addAll(answer.duplicates());
                }
            }
        }
        int records = recorded.get();
        clients.shutdown();

        assertThat(storedAs).hasSize(450);
        assertThat(duplicates).hasSize(450)
                .allSatisfy(duplicate -> assertThat(duplicate.seq()).isEqualTo(storedAs.get(duplicate.clientEventId())));
        JsonNode verification = api.as("auditor").get(logs("/verify")).json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("headSeq").asLong()).isEqualTo(1 + 450 + records);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT seq), MAX(seq) FROM log_event WHERE system_id = ?").param(systemId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .containsExactly(1L + 450 + records, 1L + 450 + records);
    }

    @Test
    void aWithdrawalThatCommitsWhileAnAppendWaitsForTheChainRefusesTheAppend() throws Exception {
        // One event (the single-statement append) and 20 (the larger one), each on a system of its own.
        for (int events : List.of(1, 20)) {
            systemId = TestSystems.register(api.as("process-owner"), "logs-withdrawn-" + events);
            // After one event through this node, which then knows where the chain stands.
            assertThat(ingest("[{\"type\":\"custom\"}]").status()).isEqualTo(201);
            long before = events();
            CountDownLatch withdrawn = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            // A withdrawal under way: the registry's own transaction, held open after it changed the status
            // and recorded the change in the chain.
            Future<?> withdrawal = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                registry.withdraw(systemId, "taken out of service", "process-owner");
                withdrawn.countDown();
                Await.countedDown("the test releases the transaction", release, Duration.ofSeconds(30));
            }));
            Await.countedDown("the withdrawal recorded", withdrawn, Duration.ofSeconds(30));
            String body = "[" + String.join(",", Collections.nCopies(events, "{\"type\":\"custom\"}")) + "]";
            Future<Api.Response> waiting = threads.submit(() -> ingest(body));
            awaitAnAppendWaitingForTheHead();
            release.countDown();
            withdrawal.get();

            Api.Response refused = waiting.get();
            threads.shutdown();
            assertThat(refused.status()).as("%d event(s): %s", events, refused.body()).isEqualTo(409);
            assertThat(events()).as("the withdrawal's own event only").isEqualTo(before + 1);
        }
    }

    @Test
    void anIdThatATransactionStillOpenStoredIsADuplicateForTheAppendThatWaitedForIt() throws Exception {
        // This node knows where the chain stands: the capability's transaction appends by compare and set.
        assertThat(ingest("[{\"type\":\"custom\"}]").status()).isEqualTo(201);
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<AppendResult> capability = threads.submit(() -> new TransactionTemplate(transactionManager).execute(tx -> {
            AppendResult result = register.recordAll(systemId, "test", List.of(new LogRegister.Entry(LogEventType.CUSTOM,
                    null, null, "shared-id", Map.of("by", "capability"))));
            recorded.countDown();
            Await.countedDown("the test releases the transaction", release, Duration.ofSeconds(30));
            return result;
        }));
        Await.countedDown("the capability's event recorded", recorded, Duration.ofSeconds(30));
        // The same id through the ingest API while that transaction is open: its compare and set reads a
        // head the transaction has moved, or waits for it, and the append goes on under the lock, where
        // the look-up sees the id once the transaction has committed.
        Future<AppendResult> ingested = threads.submit(() -> register.ingest(systemId, "ingest",
                List.of(new NewLogEvent(LogEventType.CUSTOM, null, null, "shared-id", "{\"by\":\"ingest\"}"))));
        awaitAnAppendWaitingForTheHead();
        release.countDown();
        long storedAt = capability.get().lastSeq();
        AppendResult answer = ingested.get();
        threads.shutdown();

        assertThat(answer.appended()).isZero();
        assertThat(answer.duplicates()).singleElement().satisfies(d -> assertThat(d.seq()).isEqualTo(storedAt));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_event WHERE system_id = ? AND client_event_id = 'shared-id'")
                .param(systemId).query(Long.class).single()).isEqualTo(1);
        assertThat(api.as("auditor").get(logs("/verify")).json().get("valid").asBoolean()).isTrue();
    }


    @Test
    void appendsOfOneTransactionChainOnTheHeadItLeftAndARolledBackOneLeavesNoGap() {
        assertThat(ingest("[{\"type\":\"custom\"}]").status()).isEqualTo(201);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<AppendResult> appended = transaction.execute(tx -> List.of(
                register.recordAll(systemId, "test", List.of(entry("in-one-transaction"))),
                // The second append finds the first one's id, stored by this same transaction.
                register.recordAll(systemId, "test", List.of(entry("in-one-transaction"), entry("after-it")))));
        assertThat(appended.get(1).duplicates()).singleElement()
                .satisfies(d -> assertThat(d.seq()).isEqualTo(appended.get(0).lastSeq()));
        assertThat(appended.get(1).firstSeq()).isEqualTo(appended.get(0).lastSeq() + 1);

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            register.recordAll(systemId, "test", List.of(entry("rolled-back")));
            register.recordAll(systemId, "test", List.of(entry("rolled-back-too")));
            throw new IllegalStateException("the capability fails after recording");
        })).hasMessageContaining("fails after recording");

        Api.Response next = ingest("[{\"type\":\"custom\",\"clientEventId\":\"rolled-back\"}]");
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().get("firstSeq").asLong()).isEqualTo(appended.get(1).lastSeq() + 1);
        assertThat(api.as("auditor").get(logs("/verify")).json().get("valid").asBoolean()).isTrue();
    }

    private static LogRegister.Entry entry(String clientEventId) {
        return new LogRegister.Entry(LogEventType.CUSTOM, null, null, clientEventId, Map.of("id", clientEventId));
    }

    /** Until a session waits for a lock: the append, on the chain's head that the test's transaction holds. */
    private void awaitAnAppendWaitingForTheHead() {
        Await.until("an append waiting for the chain's head", Duration.ofSeconds(30), () -> jdbc.sql(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .query(Long.class).single() > 0);
    }

    private String clientEventIdAt(long seq) {
        return jdbc.sql("SELECT client_event_id FROM log_event WHERE system_id = ? AND seq = ?").params(systemId, seq)
                .query(String.class).single();
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletesOfEvents() {
        ingest("[{\"type\":\"custom\",\"payload\":{\"n\":1}}]");

        assertThatThrownBy(() -> jdbc.sql("UPDATE log_event SET actor = 'someone-else' WHERE system_id = ?")
                .param(systemId).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM log_event WHERE system_id = ?").param(systemId).update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE log_event").update()).hasStackTraceContaining("append-only");
        assertThat(events()).isEqualTo(2);
    }

    @Test
    void tamperingAsASuperuserIsNamedByTheApiAndTheOfflineVerifier() throws Exception {
        String edited = tampered("UPDATE log_event SET payload = '{\"n\": 666}' WHERE system_id = '%s' AND seq = 4");
        assertDetected(edited, 4, "altered");

        String deleted = tampered("DELETE FROM log_event WHERE system_id = '%s' AND seq = 3");
        assertDetected(deleted, 3, "missing");

        String swapped = tampered("UPDATE log_event SET seq = -3 WHERE system_id = '%1$s' AND seq = 3;"
                + "UPDATE log_event SET seq = 3 WHERE system_id = '%1$s' AND seq = 4;"
                + "UPDATE log_event SET seq = 4 WHERE system_id = '%1$s' AND seq = -3");
        assertDetected(swapped, 3, "prevHash");

        // Cutting the tail and rewinding the head as well: only the checkpoint remembers.
        String truncated = TestSystems.register(api.as("process-owner"), "logs-cut");
        systemId = truncated;
        ingest("[{\"type\":\"custom\"},{\"type\":\"custom\"},{\"type\":\"custom\"},{\"type\":\"custom\"}]");
        checkpointer.checkpoint();
        asSuperuser("DELETE FROM log_event WHERE system_id = '%s' AND seq > 3".formatted(truncated),
                "UPDATE log_chain_head SET last_seq = 3, last_hash = (SELECT hash FROM log_event WHERE system_id = '%s' "
                        .formatted(truncated) + "AND seq = 3) WHERE system_id = '%s'".formatted(truncated));
        JsonNode checkpoints = api.as("auditor").get("/api/systems/" + truncated + "/logs/checkpoints").json();
        assertThat(checkpoints.get(0).get("seq").asLong()).isEqualTo(5);
        assertDetected(truncated, 4, "truncated");
    }

    @Test
    void retentionPurgesOnlyExpiredEventsSkipsHeldSystemsAndKeepsTheChainVerifiable() throws Exception {
        ingest("[{\"type\":\"custom\"},{\"type\":\"custom\"}]");
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        ingest("[{\"type\":\"custom\"},{\"type\":\"custom\"},{\"type\":\"custom\"}]");
        String held = TestSystems.register(api.as("process-owner"), "logs-held");
        Api.Response hold = api.as("incident-manager").post("/api/systems/" + held + "/holds",
                Map.of("reason", "Serious incident under investigation", "reference", "INC-7"));
        assertThat(hold.status()).isEqualTo(201);

        // Retention here is 365 days: 365 days after "between", what was recorded before it has expired.
        retention.purgeAll(between.plus(Duration.ofDays(365)));

        assertThat(jdbc.sql("SELECT MIN(seq) FROM log_event WHERE system_id = ?").param(systemId).query(Long.class).single())
                .isEqualTo(4);
        JsonNode verification = api.as("auditor").get(logs("/verify")).json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("anchorSeq").asLong()).isEqualTo(3);
        JsonNode purgeRecord = api.as("auditor").get(logs("?type=retention_purged")).json().get("events").get(0);
        assertThat(purgeRecord.at("/payload/purgedThroughSeq").asLong()).isEqualTo(3);
        Api.Response export = api.as("auditor").get(logs("/export"));
        assertThat(offlineVerifier(export.body(), null).get("valid").asBoolean()).isTrue();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_event WHERE system_id = ?").param(held).query(Long.class).single())
                .isEqualTo(2);
        Api.Response refused = api.as("process-owner").post("/api/systems/" + held + "/logs/purge", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("INC-7");

        long holdId = hold.json().get("id").asLong();
        Api.Response released = api.as("incident-manager").post("/api/systems/" + held + "/holds/" + holdId + "/release",
                Map.of("reason", "Case closed"));
        assertThat(released.status()).isEqualTo(200);
        assertThat(api.as("auditor").get("/api/systems/" + held + "/logs?type=evidence_hold_placed,evidence_hold_released")
                .json().get("events")).extracting(e -> e.get("actor").asText()).containsExactly("incident-manager", "incident-manager");
        retention.purgeAll(Instant.now().plus(Duration.ofDays(366)));
        assertThat(api.as("auditor").get("/api/systems/" + held + "/logs/verify").json().get("anchorSeq").asLong()).isEqualTo(3);
    }

    @Test
    void registrationChangesAreRecorded() {
        api.as("process-owner").patch("/api/systems/" + systemId, Map.of("logRetentionDays", 400));

        JsonNode events = api.as("auditor").get(logs("?type=configuration_changed")).json().get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).at("/payload/change").asText()).isEqualTo("registered");
        assertThat(events.get(1).at("/payload/changes/logRetentionDays/before").asInt()).isEqualTo(365);
        assertThat(events.get(1).at("/payload/changes/logRetentionDays/after").asInt()).isEqualTo(400);
        assertThat(events.get(1).get("actor").asText()).isEqualTo("process-owner");
    }

    private void assertDetected(String system, long firstInvalidSeq, String reason) throws Exception {
        JsonNode verification = api.as("auditor").get("/api/systems/" + system + "/logs/verify").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.get("firstInvalidSeq").asLong()).isEqualTo(firstInvalidSeq);
        assertThat(verification.get("reason").asText()).contains(reason);

        String export = api.as("auditor").get("/api/systems/" + system + "/logs/export").body();
        String checkpoints = api.as("auditor").get("/api/systems/" + system + "/logs/checkpoints").body();
        JsonNode offline = offlineVerifier(export, checkpoints);
        assertThat(offline.get("valid").asBoolean()).as(offline.toString()).isFalse();
        assertThat(offline.get("firstInvalidSeq").asLong()).as(offline.toString()).isEqualTo(firstInvalidSeq);
    }

    /** A new system with six events (registration + five), then the SQL run as a superuser without triggers. */
    private String tampered(String sql) throws SQLException {
        String system = TestSystems.register(api.as("process-owner"), "logs-tampered");
        String previous = systemId;
        systemId = system;
        ingest("[{\"type\":\"custom\",\"payload\":{\"n\":1}},{\"type\":\"custom\",\"payload\":{\"n\":2}},"
                + "{\"type\":\"custom\",\"payload\":{\"n\":3}},{\"type\":\"custom\",\"payload\":{\"n\":4}},"
                + "{\"type\":\"custom\",\"payload\":{\"n\":5}}]");
        systemId = previous;
        asSuperuser(sql.formatted(system));
        return system;
    }

    private void asSuperuser(String... statements) throws SQLException {
        Tampering.asSuperuser(databaseUrl, statements);
    }

    private JsonNode offlineVerifier(String export, String checkpoints) throws Exception {
        Path exportFile = Files.writeString(files.resolve("export-" + System.nanoTime() + ".ndjson"), export);
        List<String> command = new ArrayList<>(List.of("python3", "src/verifier/verify_log_export.py", exportFile.toString()));
        if (checkpoints != null) {
            command.addAll(List.of("--checkpoints",
                    Files.writeString(files.resolve("checkpoints-" + System.nanoTime() + ".json"), checkpoints).toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        JsonNode output = JSON.readTree(new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        // What an auditor's script acts on: 0 valid, 1 not.
        assertThat(process.waitFor()).as(output.toString()).isEqualTo(output.path("valid").asBoolean() ? 0 : 1);
        return output;
    }

    private Api.Response ingest(String body) {
        return api.as("ingest").send("POST", logs(""), "application/json", body);
    }

    private String logs(String suffix) {
        return "/api/systems/" + systemId + "/logs" + suffix;
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM log_event WHERE system_id = ?").param(systemId).query(Long.class).single();
    }
}
