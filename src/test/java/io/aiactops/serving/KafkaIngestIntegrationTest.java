package io.aiactops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.Await;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.TestKafka;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The register fed by a real Kafka broker (in-process KRaft) through the app as an operator runs it:
 * 100,000 register events across 3 partitions into one chain, a redelivered event and a poison
 * record, KServe CloudEvents in the Kafka binding's binary mode keyed by system, a record for an
 * unknown system, the lag metric and the health of each binding; and a start while the broker is
 * down, which the app survives with the binding shown DOWN.
 */
class KafkaIngestIntegrationTest {

    private static final int RECORDS = 100_000;

    @Test
    void recordsAcrossPartitionsBecomeOneVerifiedChainAndWhatCannotBeRecordedGoesToTheDeadLetterTopic() throws Exception {
        String database = TestPostgres.newDatabase("kafka");
        String system = TestSystems.uniqueId("kafka");
        String kserved = TestSystems.uniqueId("kafka-kserve");
        try (TestKafka kafka = TestKafka.start(3, "inference-logs", "kserve-events");
                AppProcess app = ProductionApp.start(database, "--aiact.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--aiact.kafka.max-poll-records=2000", "--aiact.kafka.status-interval=PT1S",
                        "--aiact.kafka.bindings[0].topic=inference-logs", "--aiact.kafka.bindings[0].system=" + system,
                        "--aiact.kafka.bindings[0].format=register-json",
                        "--aiact.kafka.bindings[1].topic=kserve-events", "--aiact.kafka.bindings[1].format=cloudevents")) {
            Api admin = ProductionApp.admin(app);
            for (String id : List.of(system, kserved)) {
                assertThat(admin.post("/api/systems", TestSystems.registration(id)).status()).isEqualTo(201);
            }

            // Half with the sender's clientEventId, half identified by their place in Kafka; one sent twice.
            for (int i = 0; i < RECORDS; i++) {
                String id = i % 2 == 0 ? "\"clientEventId\":\"k-" + i + "\"," : "";
                kafka.send("inference-logs", "key-" + i, "{\"type\":\"inference\"," + id
                        + "\"payload\":{\"inputRef\":\"req-" + i + "\",\"output\":" + (i % 3) + "}}", Map.of());
                if (i == 500) {
                    kafka.send("inference-logs", "key-again", "{\"type\":\"inference\",\"clientEventId\":\"k-0\","
                            + "\"payload\":{\"inputRef\":\"req-0\",\"output\":0}}", Map.of());
                    kafka.send("inference-logs", "key-poison", "{\"type\":\"inference\",\"payload\":", Map.of());
                }
            }
            // KServe's logger, its response before its request, in the Kafka binding's binary mode.
            Instant at = Instant.now();
            kafka.send("kserve-events", kserved, KServeLogger.RESPONSE_BODY,
                    kafkaHeaders(KServeLogger.headers("ce-kafka-1", CloudEvent.KSERVE_RESPONSE, at.plusMillis(30))));
            kafka.send("kserve-events", kserved, KServeLogger.REQUEST_BODY,
                    kafkaHeaders(KServeLogger.headers("ce-kafka-1", CloudEvent.KSERVE_REQUEST, at)));
            kafka.send("kserve-events", "no-such-system", KServeLogger.REQUEST_BODY,
                    kafkaHeaders(KServeLogger.headers("ce-kafka-2", CloudEvent.KSERVE_REQUEST, at)));
            kafka.flush();

            Await.until("all Kafka records in the register", Duration.ofSeconds(240),
                    () -> inferences(database, system) == RECORDS && inferences(database, kserved) == 1);
            JsonNode verification = admin.get("/api/systems/" + system + "/logs/verify").json();
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
            assertThat(ProductionApp.column(database, "SELECT count(DISTINCT client_event_id) FROM log_event "
                    + "WHERE system_id = ? AND type = 'inference'", system)).containsExactly(String.valueOf(RECORDS));
            assertThat(ProductionApp.column(database, "SELECT DISTINCT actor FROM log_event WHERE system_id = ? "
                    + "AND type = 'inference'", system)).containsExactly("kafka:inference-logs");
            JsonNode paired = admin.get("/api/systems/" + kserved + "/logs?type=inference").json().get("events").get(0);
            assertThat(paired.at("/payload/pairing").asText()).as(paired.toString()).isEqualTo("paired");

            List<ConsumerRecord<byte[], byte[]>> poison = kafka.readAll("inference-logs-dlt", 1, Duration.ofSeconds(30));
            assertThat(poison).singleElement().satisfies(letter -> {
                assertThat(TestKafka.header(letter, "aiact-dead-letter-reason")).startsWith("not readable as register-json: $");
                assertThat(TestKafka.header(letter, "aiact-original-topic")).isEqualTo("inference-logs");
            });
            List<ConsumerRecord<byte[], byte[]>> unknown = kafka.readAll("kserve-events-dlt", 1, Duration.ofSeconds(30));
            assertThat(unknown).singleElement().satisfies(letter -> assertThat(
                    TestKafka.header(letter, "aiact-dead-letter-reason")).contains("no-such-system"));

            Api auditor = auditor(admin);
            Await.until("the lag of both bindings back to 0", Duration.ofSeconds(30), () -> {
                String metrics = auditor.get("/actuator/prometheus").body();
                return metrics.contains("aiact_kafka_lag{binding=\"inference-logs\"} 0.0")
                        && metrics.contains("aiact_kafka_lag{binding=\"kserve-events\"} 0.0");
            });
            assertThat(auditor.get("/actuator/prometheus").body())
                    .contains("aiact_kafka_records_total{binding=\"inference-logs\",outcome=\"dead_letter\"} 1.0")
                    .contains("aiact_kafka_records_total{binding=\"kserve-events\",outcome=\"dead_letter\"} 1.0");
            JsonNode health = Api.anonymous(app.port()).get("/actuator/health").json();
            assertThat(health.at("/components/kafka/components/inference-logs/status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void aBrokerDownAtStartLeavesTheAppRunningWithTheBindingDown() throws Exception {
        String database = TestPostgres.newDatabase("kafka_down");
        String system = TestSystems.uniqueId("kafka-late");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (AppProcess app = ProductionApp.launch(database, "--aiact.kafka.bootstrap-servers=127.0.0.1:" + port,
                "--aiact.kafka.status-interval=PT1S", "--aiact.kafka.bindings[0].topic=late-logs",
                "--aiact.kafka.bindings[0].system=" + system, "--aiact.kafka.bindings[0].format=register-json")) {
            Api anonymous = Api.anonymous(app.port());
            Await.until("the app listening", Duration.ofSeconds(180), () -> {
                try {
                    return anonymous.get("/actuator/health/liveness").status() == 200;
                } catch (java.io.UncheckedIOException notYet) {
                    return false;
                }
            });
            Await.until("its Kafka binding down, the rest up", Duration.ofSeconds(60), () -> {
                Api.Response health = anonymous.get("/actuator/health");
                return health.status() == 503 && "DOWN".equals(
                        health.json().at("/components/kafka/components/late-logs/status").asText())
                        && "UP".equals(health.json().at("/components/db/status").asText());
            });
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(ProductionApp.admin(app).post("/api/systems", TestSystems.registration(system)).status())
                    .as("the app works without its brokers").isEqualTo(201);
        }
    }

    /** KServe's HTTP headers as the CloudEvents Kafka binding carries them: ce_ attributes, content-type. */
    static Map<String, String> kafkaHeaders(Map<String, String> http) {
        Map<String, String> headers = new LinkedHashMap<>();
        http.forEach((name, value) -> headers.put("ce_" + name.substring(3).toLowerCase(java.util.Locale.ROOT), value));
        headers.put("content-type", "application/json");
        return headers;
    }

    static long inferences(String database, String system) {
        return Long.parseLong(ProductionApp.column(database,
                "SELECT count(*) FROM log_event WHERE system_id = ? AND type = 'inference'", system).get(0));
    }

    private static Api auditor(Api admin) {
        ProductionApp.createUser(admin, "kafka-auditor", "kafka-auditor-secret", "auditors", "kafka-auditor@example.org");
        return admin.as("kafka-auditor", "kafka-auditor-secret");
    }
}
