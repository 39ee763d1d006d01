package io.aiactops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.registry.Registry;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.RegisterEvents;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** KServe's inference logger and other CloudEvents into the log register. */
@IntegrationTest
class CloudEventIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Registry registry;
    @Autowired
    LoneHalfSweeper sweeper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    /** The version registered as running was in service a month before it was registered. */
    private static final Instant IN_SERVICE_SINCE = Instant.now().minus(Duration.ofDays(30));

    Api api;
    String systemId;
    KServeLogger kserve;

    @BeforeEach
    void registerASystemServingAVersion() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "kserve");
        registry.recordRunningVersion(systemId, "2.3.0", "models:/credit-scoring/7", "a".repeat(64), IN_SERVICE_SINCE,
                "test");
        kserve = new KServeLogger(api.as("ingest"), systemId);
    }

    @Test
    void aRequestAndResponseArrivingOutOfOrderBecomeOneInferenceEventAndRedeliveriesAreIgnored() {
        String id = UUID.randomUUID().toString();
        Instant requestedAt = Instant.now();

        Api.Response response = kserve.response(id, requestedAt.plusMillis(40));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(outcome(response)).isEqualTo("pending");
        assertThat(inferences()).isEmpty();
        // The pending half is redelivered before its partner comes: nothing changes.
        assertThat(outcome(kserve.response(id, requestedAt.plusMillis(40)))).isEqualTo("duplicate");

        Api.Response request = kserve.request(id, requestedAt);
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        assertThat(outcome(request)).isEqualTo("paired");

        List<JsonNode> inferences = inferences();
        assertThat(inferences).hasSize(1);
        JsonNode event = inferences.get(0);
        assertThat(event.get("modelVersion").asText()).isEqualTo("2.3.0");
        assertThat(Instant.parse(event.get("occurredAt").asText()))
                .isEqualTo(requestedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(event.get("clientEventId").asText()).isEqualTo("cloudevent:org.kubeflow.serving.inference:" + id);
        JsonNode payload = event.get("payload");
        assertThat(payload.get("pairing").asText()).isEqualTo("paired");
        assertThat(payload.get("modelVersionSource").asText()).isEqualTo("registry");
        assertThat(payload.get("input").get("data").toString()).isEqualTo(KServeLogger.REQUEST_BODY);
        assertThat(payload.get("output").get("data").toString()).isEqualTo(KServeLogger.RESPONSE_BODY);
        assertThat(payload.get("kserve").get("inferenceService").asText()).isEqualTo("credit-scoring");
        assertThat(payload.get("kserve").get("component").asText()).isEqualTo("predictor");
        assertThat(payload.get("cloudEvent").get("source").asText()).isEqualTo("http://localhost:9081/");

        // Both halves again after the pair was recorded: answered 200, recorded nothing.
        assertThat(outcome(kserve.request(id, requestedAt))).isEqualTo("duplicate");
        assertThat(outcome(kserve.response(id, requestedAt.plusMillis(40)))).isEqualTo("duplicate");
        assertThat(inferences()).hasSize(1);
        assertThat(api.as("auditor").get("/api/systems/" + systemId + "/logs/verify").json().get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void anInferenceFromBeforeRegistrationHasTheVersionRunningThenAndOneFromBeforeThatNone() {
        String duringService = UUID.randomUUID().toString();
        String beforeService = UUID.randomUUID().toString();
        Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
        Instant beforeThat = IN_SERVICE_SINCE.minusSeconds(1);
        kserve.request(duringService, lastWeek);
        kserve.response(duringService, lastWeek.plusMillis(40));
        kserve.request(beforeService, beforeThat);
        kserve.response(beforeService, beforeThat.plusMillis(40));

        Map<String, JsonNode> byId = new HashMap<>();
        inferences().forEach(event -> byId.put(event.get("payload").get("cloudEvent").get("id").asText(), event));
        assertThat(byId.get(duringService).get("modelVersion").asText()).isEqualTo("2.3.0");
        assertThat(byId.get(duringService).get("payload").get("modelVersionSource").asText()).isEqualTo("registry");
        assertThat(byId.get(beforeService).get("modelVersion").isNull()).as(byId.get(beforeService).toString()).isTrue();
        assertThat(byId.get(beforeService).get("payload").get("modelVersionSource").asText()).isEqualTo("unknown");
    }

    @Test
    void aRequestHalfKeptPendingDoesNotWaitForTheChainsHead() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant requestedAt = Instant.now();
        try (Connection appending = dataSource.getConnection()) {
            // The chain's head locked, as by a long append of the system's other events.
            appending.setAutoCommit(false);
            try (PreparedStatement lock = appending.prepareStatement(
                    "SELECT last_seq FROM log_chain_head WHERE system_id = ? FOR UPDATE")) {
                lock.setString(1, systemId);
                lock.executeQuery().close();
            }
            // A request half is kept pending, not appended: it is answered while the head is held.
            Api.Response request = CompletableFuture.supplyAsync(() -> kserve.request(id, requestedAt))
                    .get(20, TimeUnit.SECONDS);
            assertThat(outcome(request)).isEqualTo("pending");
            appending.rollback();
        }
        assertThat(outcome(kserve.response(id, requestedAt.plusMillis(40)))).isEqualTo("paired");
        assertThat(inferences()).hasSize(1);
    }

    @Test
    void halvesArrivingAtTheSameTimeOnConcurrentRequestsPairOnce() throws Exception {
        List<java.util.concurrent.Callable<Api.Response>> sends = new ArrayList<>();
        Instant at = Instant.now();
        for (int i = 0; i < 25; i++) {
            String id = UUID.randomUUID().toString();
            sends.add(() -> kserve.request(id, at));
            sends.add(() -> kserve.response(id, at));
            sends.add(() -> kserve.response(id, at)); // a redelivery racing the first delivery
        }
        java.util.Collections.shuffle(sends);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<String> outcomes = new ArrayList<>();
        try {
            for (var sent : clients.invokeAll(sends)) {
                outcomes.add(outcome(sent.get()));
            }
        } finally {
            clients.shutdown();
        }

        assertThat(outcomes).filteredOn("paired"::equals).hasSize(25);
        assertThat(outcomes).filteredOn("duplicate"::equals).hasSize(25);
        assertThat(inferences()).hasSize(25).allSatisfy(e -> assertThat(e.get("payload").get("pairing").asText())
                .isEqualTo("paired"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cloudevent_pair WHERE system_id = ? AND due_at IS NOT NULL",
                Long.class, systemId)).as("nothing left waiting").isZero();
    }

    @Test
    void aHalfWithoutPartnerIsRecordedAloneAfterTheWaitAndALatePartnerReferencesIt() {
        String id = UUID.randomUUID().toString();
        Instant requestedAt = Instant.now();
        assertThat(outcome(kserve.request(id, requestedAt))).isEqualTo("pending");
        sweeper.sweep();
        assertThat(inferences()).as("not due yet").isEmpty();

        jdbc.update("UPDATE cloudevent_pair SET due_at = ? WHERE system_id = ? AND ce_id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), systemId, id);
        // The scheduled sweep may come first; either way the half is recorded once.
        sweeper.sweep();
        sweeper.sweep();

        List<JsonNode> inferences = inferences();
        assertThat(inferences).as("recorded once").hasSize(1);
        JsonNode alone = inferences.get(0);
        assertThat(alone.get("payload").get("pairing").asText()).isEqualTo("unpaired");
        assertThat(alone.get("payload").has("output")).as("no output: the response never came").isFalse();
        assertThat(alone.get("actor").asText()).isEqualTo(LoneHalfSweeper.ACTOR);

        Api.Response late = kserve.response(id, requestedAt.plusMillis(40));
        assertThat(late.status()).isEqualTo(200);
        assertThat(outcome(late)).isEqualTo("late");
        inferences = inferences();
        assertThat(inferences).hasSize(2);
        assertThat(inferences.get(0).get("payload")).as("the chain is never rewritten").isEqualTo(alone.get("payload"));
        JsonNode partner = inferences.get(1).get("payload");
        assertThat(partner.get("pairing").asText()).isEqualTo("late");
        assertThat(partner.get("partnerEvent").get("seq").asLong()).isEqualTo(alone.get("seq").asLong());
        assertThat(partner.get("partnerEvent").get("clientEventId").asText())
                .isEqualTo(alone.get("clientEventId").asText());
        assertThat(outcome(kserve.response(id, requestedAt.plusMillis(40)))).isEqualTo("duplicate");
    }

    @Test
    void aBatchOfStructuredEventsPairsKServeHalvesAndKeepsOtherTypesAsCustomEvents() {
        String id = UUID.randomUUID().toString();
        String batch = Api.json(List.of(
                Map.of("specversion", "1.0", "id", id, "source", "http://localhost:9081/",
                        "type", CloudEvent.KSERVE_REQUEST, "datacontenttype", "application/json",
                        "inferenceservicename", "credit-scoring", "component", "predictor",
                        "data", Map.of("instances", List.of(List.of(1, 2)))),
                Map.of("specversion", "1.0", "id", id, "source", "http://localhost:9081/",
                        "type", CloudEvent.KSERVE_RESPONSE, "datacontenttype", "application/json",
                        "data", Map.of("predictions", List.of(0))),
                Map.of("specversion", "1.0", "id", "refresh-1", "source", "urn:example:feature-store",
                        "type", "com.example.features.refreshed", "datacontenttype", "text/plain",
                        "data", "applicants refreshed")));
        Api.Response received = api.as("ingest").send("POST", "/api/systems/" + systemId + "/cloudevents",
                "application/cloudevents-batch+json", batch);

        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(received.json().get("events")).extracting(e -> e.get("outcome").asText())
                .containsExactly("pending", "paired", "recorded");
        assertThat(inferences()).hasSize(1);
        JsonNode custom = events("custom").get(0).get("payload");
        assertThat(custom.get("cloudEvent").get("type").asText()).isEqualTo("com.example.features.refreshed");
        assertThat(custom.get("cloudEvent").get("source").asText()).isEqualTo("urn:example:feature-store");
        assertThat(custom.get("dataRef").get("bytes").asInt()).isEqualTo("applicants refreshed".length());

        Api.Response structured = api.as("ingest").send("POST", "/api/systems/" + systemId + "/cloudevents",
                "application/cloudevents+json", Api.json(Map.of("specversion", "1.0", "id", "refresh-1",
                        "source", "urn:example:feature-store", "type", "com.example.features.refreshed")));
        assertThat(structured.json().get("events").get(0).get("outcome").asText()).isEqualTo("duplicate");
    }

    @Test
    void badEventsAreRefusedNamingTheAttributeAndNothingIsStored() {
        int before = events(null).size();
        String id = UUID.randomUUID().toString();
        for (String attribute : List.of("Ce-Id", "Ce-Source", "Ce-Type", "Ce-Specversion")) {
            Map<String, String> headers = new java.util.HashMap<>(
                    KServeLogger.headers(id, CloudEvent.KSERVE_REQUEST, Instant.now()));
            headers.remove(attribute);
            Api.Response refused = post("application/json", KServeLogger.REQUEST_BODY, headers);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo(attribute.toLowerCase());
        }
        Map<String, String> oldSpec = new java.util.HashMap<>(
                KServeLogger.headers(id, CloudEvent.KSERVE_REQUEST, Instant.now()));
        oldSpec.put("Ce-Specversion", "0.3");
        Api.Response unsupported = post("application/json", KServeLogger.REQUEST_BODY, oldSpec);
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().get("detail").asText()).contains("0.3");

        Api.Response notJson = post("application/json", "instances=6.8",
                KServeLogger.headers(id, CloudEvent.KSERVE_REQUEST, Instant.now()));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("field").asText()).isEqualTo("data");
        assertThat(notJson.json().get("detail").asText()).endsWith("(data of content type application/json must be JSON)");
        Api.Response untypedNotJson = api.as("ingest").send("POST", "/api/systems/" + systemId + "/cloudevents",
                "application/cloudevents+json",
                "{\"specversion\": \"1.0\", \"id\": \"y\", \"source\": \"s\", \"type\": \"t\", \"data_base64\": \"aGVsbG8=\"}");
        assertThat(untypedNotJson.status()).isEqualTo(400);
        assertThat(untypedNotJson.json().get("field").asText()).isEqualTo("data_base64");
        assertThat(untypedNotJson.json().get("detail").asText()).endsWith("(data without a content type must be JSON)");

        Api.Response badBatch = api.as("ingest").send("POST", "/api/systems/" + systemId + "/cloudevents",
                "application/cloudevents-batch+json", "[{\"specversion\": \"1.0\", \"id\": \"x\", \"source\": \"s\"}]");
        assertThat(badBatch.status()).isEqualTo(400);
        assertThat(badBatch.json().get("field").asText()).isEqualTo("[0].type");

        Api.Response tooLarge = post("application/json", "{\"instances\": \"" + "x".repeat(1_100_000) + "\"}",
                KServeLogger.headers(id, CloudEvent.KSERVE_REQUEST, Instant.now()));
        assertThat(tooLarge.status()).isEqualTo(413);

        assertThat(events(null)).hasSize(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cloudevent_pair WHERE system_id = ?", Long.class, systemId))
                .isZero();
    }

    @Test
    void aHalfForAnUnknownOrWithdrawnSystemIsRefusedAndNotKeptPending() {
        Api.Response unknown = new KServeLogger(api.as("ingest"), "no-such-system").request(UUID.randomUUID().toString(),
                Instant.now());
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);

        jdbc.update("UPDATE ai_system SET status = 'WITHDRAWN' WHERE id = ?", systemId);
        Api.Response withdrawn = kserve.request(UUID.randomUUID().toString(), Instant.now());
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(409);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM cloudevent_pair WHERE system_id IN (?, 'no-such-system')",
                Long.class, systemId)).isZero();
    }

    private Api.Response post(String contentType, String body, Map<String, String> headers) {
        return api.as("ingest").send("POST", "/api/systems/" + systemId + "/cloudevents", contentType, body, headers);
    }

    private static String outcome(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("events").get(0).get("outcome").asText();
    }

    private List<JsonNode> inferences() {
        return events("inference");
    }

    private List<JsonNode> events(String type) {
        return RegisterEvents.of(api, systemId, type);
    }
}
