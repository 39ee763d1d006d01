package io.aiactops.serving;

import io.aiactops.support.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;

/**
 * KServe halves acknowledged with 200, then SIGKILL: after the restart one half still pairs with its
 * partner and the other, whose partner never comes, is recorded alone once its wait is over.
 */
class CloudEventCrashIntegrationTest {

    private static final String INGEST = "crash-kserve";
    private static final String INGEST_PASSWORD = "crash-kserve-secret";

    @Test
    void aHalfAcknowledgedBeforeAKillIsStillRecorded() throws Exception {
        String database = TestPostgres.newDatabase("kserve_crash");
        String systemId = TestSystems.uniqueId("kserve-crash");
        String paired = UUID.randomUUID().toString();
        String lone = UUID.randomUUID().toString();
        Instant at = Instant.now();

        try (AppProcess app = ProductionApp.start(database, "--aiact.serving.pairing-wait=PT1H")) {
            Api admin = ProductionApp.admin(app);
            assertThat(admin.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);
            ProductionApp.createUser(admin, INGEST, INGEST_PASSWORD, "monitoring-ingest", "kserve@crash.example");
            KServeLogger kserve = logger(app, systemId);
            assertThat(outcome(kserve.request(paired, at))).isEqualTo("pending");
            assertThat(outcome(kserve.request(lone, at))).isEqualTo("pending");

            app.kill();
        }
        assertThat(ProductionApp.column(database, "SELECT count(*) FROM log_event WHERE system_id = ? AND type = 'inference'",
                systemId)).containsExactly("0");
        // The hour's wait of the lone half passes while the app is down.
        assertThat(ProductionApp.column(database, "UPDATE cloudevent_pair SET due_at = now() WHERE ce_id = ? "
                + "RETURNING request_state", lone)).containsExactly("PENDING");

        try (AppProcess app = ProductionApp.start(database, "--aiact.serving.pairing-wait=PT1H",
                "--aiact.serving.sweep-interval=PT1S")) {
            Api auditor = ProductionApp.admin(app);
            assertThat(outcome(logger(app, systemId).response(paired, at.plusMillis(40)))).isEqualTo("paired");

            List<JsonNode> inferences = awaitInferences(auditor, systemId, 2);
            JsonNode pair = inferences.stream().filter(e -> e.get("payload").get("cloudEvent").get("id").asText()
                    .equals(paired)).findFirst().orElseThrow().get("payload");
            assertThat(pair.get("pairing").asText()).isEqualTo("paired");
            assertThat(pair.get("input").get("data").toString()).isEqualTo(KServeLogger.REQUEST_BODY);
            assertThat(pair.get("output").get("data").toString()).isEqualTo(KServeLogger.RESPONSE_BODY);
            JsonNode alone = inferences.stream().filter(e -> e.get("payload").get("cloudEvent").get("id").asText()
                    .equals(lone)).findFirst().orElseThrow().get("payload");
            assertThat(alone.get("pairing").asText()).isEqualTo("unpaired");
            assertThat(alone.get("input").get("data").toString()).isEqualTo(KServeLogger.REQUEST_BODY);
            assertThat(auditor.get("/api/systems/" + systemId + "/logs/verify").json().get("valid").asBoolean()).isTrue();
        }
    }

    private static KServeLogger logger(AppProcess app, String systemId) {
        return new KServeLogger(Api.anonymous(app.port()).as(INGEST, INGEST_PASSWORD), systemId);
    }

    private static String outcome(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("events").get(0).get("outcome").asText();
    }

    /** Waits until the sweeper on the restarted node has recorded the lone half. */
    private static List<JsonNode> awaitInferences(Api api, String systemId, int count) {
        List<JsonNode> inferences = Await.until(count + " inference events of " + systemId, Duration.ofSeconds(30), () -> {
            List<JsonNode> found = new ArrayList<>();
            api.get("/api/systems/" + systemId + "/logs?type=inference").json().get("events").forEach(found::add);
            return found;
        }, found -> found.size() >= count);
        assertThat(inferences).as("each acknowledged half once").hasSize(count);
        return inferences;
    }
}
