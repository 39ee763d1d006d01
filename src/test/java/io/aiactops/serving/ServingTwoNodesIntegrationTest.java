package io.aiactops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.Await;
import io.aiactops.support.AppProcess;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.Prometheus;
import io.aiactops.support.TestKafka;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving stack's ways in on two nodes of the app (two JVMs, one PostgreSQL database), as a load
 * balancer and a Kafka consumer group spread the work:
 * <ul>
 * <li>KServe's two halves of each inference, the request through one node and the response through the
 * other, both at once, then a redelivery of some request halves through the node that did not take them:
 * each inference becomes one paired event of one valid chain, and each redelivery is recognised;</li>
 * <li>a topic of 3 partitions bound on both nodes: the nodes form one consumer group that shares the
 * partitions, and each record is in the register once.</li>
 * </ul>
 */
class ServingTwoNodesIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ServingTwoNodesIntegrationTest.class);

    private static final int INFERENCES = 120;
    private static final int RECORDS = 20_000;
    private static final String LOGGER = "kserve-logger";
    private static final String LOGGER_PASSWORD = "kserve-logger-secret";
    private static final String TOPIC = "nodes-logs";
    private static final String KAFKA_SYSTEM = "kafka-nodes";
    private static final String GROUP = "aiact-ops";

    private static TestKafka kafka;
    private static String url;
    private static AppProcess a;
    private static AppProcess b;
    private static Api admin;

    @BeforeAll
    static void startKafkaAndTwoNodes() {
        kafka = TestKafka.start(3, TOPIC);
        url = TestPostgres.newDatabase("serving_two_nodes");
        String[] binding = { "--aiact.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--aiact.kafka.group-id=" + GROUP, "--aiact.kafka.bindings[0].topic=" + TOPIC,
                "--aiact.kafka.bindings[0].system=" + KAFKA_SYSTEM, "--aiact.kafka.bindings[0].format=register-json" };
        a = ProductionApp.start(url, binding);
        b = ProductionApp.start(url, binding);
        admin = ProductionApp.admin(a);
        ProductionApp.createUser(admin, LOGGER, LOGGER_PASSWORD, "monitoring-ingest", "ml@nodes.example");
    }

    @AfterAll
    static void stop() throws Exception {
        AutoCloseable nodeB = b;
        AutoCloseable nodeA = a;
        AutoCloseable broker = kafka;
        try (broker; nodeA; nodeB) {
            // closed in reverse order: the nodes, then the broker they read
        }
    }

    @Test
    void theHalvesOfAnInferenceOnTwoNodesPairOnceIntoOneChain() throws Exception {
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

    @Test
    void theNodesShareATopicsPartitionsAsOneConsumerGroupAndRecordEachRecordOnce() throws Exception {
        assertThat(admin.post("/api/systems", TestSystems.registration(KAFKA_SYSTEM)).status()).isEqualTo(201);
        try (Admin brokers = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            // Both nodes in the group, each with partitions of its own, before a record is sent: a node that
            // joined later would only take over partitions the first one had drained.
            Await.until("both nodes in consumer group " + GROUP + " with partitions of their own", Duration.ofSeconds(60),
                    () -> {
                        var members = brokers.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members();
                        return members.size() == 2 && members.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
                    });
        }
        for (int i = 0; i < RECORDS; i++) {
            kafka.send(TOPIC, "k" + i, "{\"type\":\"custom\",\"payload\":{\"i\":" + i + "}}", Map.of());
        }
        kafka.flush();

        Await.until(RECORDS + " records in the register", Duration.ofSeconds(120), () -> Long.parseLong(ProductionApp.column(
                url, "SELECT count(*) FROM log_event WHERE system_id = ? AND type = 'custom'", KAFKA_SYSTEM).get(0)) >= RECORDS);
        assertThat(ProductionApp.column(url, "SELECT count(*) || '/' || count(DISTINCT payload->>'i') FROM log_event"
                + " WHERE system_id = ? AND type = 'custom'", KAFKA_SYSTEM)).containsExactly(RECORDS + "/" + RECORDS);
        double byA = recorded(a);
        double byB = recorded(b);
        assertThat(byA).as("records node A took").isPositive();
        assertThat(byB).as("records node B took").isPositive();
        JsonNode verified = admin.get("/api/systems/" + KAFKA_SYSTEM + "/logs/verify").json();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        log.info("RELIABILITY Kafka on two nodes: {} records on 3 partitions, taken by node A {} and node B {} (a record"
                + " taken again after a rebalance counts twice), {} in the register once each, chain verified",
                RECORDS, (long) byA, (long) byB, RECORDS);
    }

    /** The node's count of records it took from the topic into the register (its own metric). */
    private static double recorded(AppProcess node) {
        return Prometheus.value(ProductionApp.admin(node).get("/actuator/prometheus").body(), "aiact_kafka_records_total",
                "binding=\"" + TOPIC + "\"", "outcome=\"recorded\"").orElse(0.0);
    }

    private static KServeLogger logger(AppProcess node, String systemId) {
        return new KServeLogger(Api.anonymous(node.port()).as(LOGGER, LOGGER_PASSWORD), systemId);
    }

    private static String outcome(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("events").get(0).get("outcome").asText();
    }
}
