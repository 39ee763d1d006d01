package io.aiactops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;

/**
 * KServe's two halves of each inference sent to two nodes of the app on one PostgreSQL database: the
 * request through one node and the response through the other, both at once, as a load balancer spreads
 * them; then a redelivery of some request halves through the node that did not take them. Each inference
 * becomes one paired event of one valid chain, and each redelivery is recognised.
 */
class CloudEventTwoNodesIntegrationTest {

    private static final int INFERENCES = 120;
    private static final String LOGGER = "kserve-logger";
    private static final String LOGGER_PASSWORD = "kserve-logger-secret";

    @Test
    void theHalvesOfAnInferenceOnTwoNodesPairOnceIntoOneChain() throws Exception {
        String url = TestPostgres.newDatabase("cloudevents_two_nodes");
        try (AppProcess a = ProductionApp.start(url); AppProcess b = ProductionApp.start(url)) {
            Api admin = ProductionApp.admin(a);
            ProductionApp.createUser(admin, LOGGER, LOGGER_PASSWORD, "monitoring-ingest", "ml@nodes.example");
            String systemId = TestSystems.uniqueId("kserve-nodes");
            assertThat(admin.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);
            List<KServeLogger> nodes = List.of(logger(a, systemId), logger(b, systemId));

            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<String>> requestHalves = new ArrayList<>();
            List<Future<String>> responseHalves = new ArrayList<>();
            for (int i = 0; i < INFERENCES; i++) {
                String id = "inference-" + i;
                Instant at = Instant.now();
                KServeLogger requestNode = nodes.get(i % 2);
                KServeLogger responseNode = nodes.get((i + 1) % 2);
                requestHalves.add(clients.submit(() -> outcome(requestNode.request(id, at))));
                responseHalves.add(clients.submit(() -> outcome(responseNode.response(id, at.plusMillis(40)))));
            }
            for (int i = 0; i < INFERENCES; i++) {
                Set<String> outcomes = new HashSet<>(List.of(requestHalves.get(i).get(2, TimeUnit.MINUTES),
                        responseHalves.get(i).get(2, TimeUnit.MINUTES)));
                assertThat(outcomes).as("inference-%d: one half kept pending, the other paired with it", i)
                        .containsExactlyInAnyOrder("pending", "paired");
            }
            clients.shutdown();
            for (int i = 0; i < INFERENCES; i += 10) {
                String redelivered = outcome(nodes.get((i + 1) % 2).request("inference-" + i, Instant.now()));
                assertThat(redelivered).as("inference-%d's request half again, through the other node", i)
                        .isEqualTo("duplicate");
            }

            JsonNode inferences = admin.get("/api/systems/" + systemId + "/logs?type=inference&limit=1000").json()
                    .get("events");
            assertThat(inferences).hasSize(INFERENCES);
            Set<String> ids = new HashSet<>();
            for (JsonNode event : inferences) {
                JsonNode payload = event.get("payload");
                assertThat(payload.get("pairing").asText()).isEqualTo("paired");
                assertThat(payload.get("output").get("data").toString()).isEqualTo(KServeLogger.RESPONSE_BODY);
                ids.add(payload.get("cloudEvent").get("id").asText());
            }
            assertThat(ids).hasSize(INFERENCES);
            for (AppProcess node : List.of(a, b)) {
                JsonNode verified = ProductionApp.admin(node).get("/api/systems/" + systemId + "/logs/verify").json();
                assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
            }
            assertThat(ProductionApp.column(url, "SELECT count(*) FROM cloudevent_pair WHERE system_id = ?"
                    + " AND (request_state = 'PENDING' OR response_state = 'PENDING')", systemId)).containsExactly("0");
        }
    }

    private static KServeLogger logger(AppProcess node, String systemId) {
        return new KServeLogger(Api.anonymous(node.port()).as(LOGGER, LOGGER_PASSWORD), systemId);
    }

    private static String outcome(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("events").get(0).get("outcome").asText();
    }
}
