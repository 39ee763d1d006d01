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
import io.aiactops.support.TcpRelay;
import io.aiactops.support.TestKafka;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The register fed by a real Kafka broker (in-process KRaft) through the app as an operator runs it:
 * 100,000 register events across 3 partitions into one chain, a redelivered event and a poison
 * record, KServe CloudEvents in the Kafka binding's binary mode keyed by system, Seldon Core 2's
 * protobuf request and response out of order, a record for an
 * unknown system, the lag metric and the health of each binding; and a start while the broker is
 * down, which the app survives with the binding shown DOWN, resuming from the group's committed
 * offsets once the broker comes.
 */
class KafkaIngestIntegrationTest {

    private static final int RECORDS = 100_000;

    @Test
    void recordsAcrossPartitionsBecomeOneVerifiedChainAndWhatCannotBeRecordedGoesToTheDeadLetterTopic() throws Exception {
        String database = TestPostgres.newDatabase("kafka");
        String system = TestSystems.uniqueId("kafka");
        String kserved = TestSystems.uniqueId("kafka-kserve");
        String seldoned = TestSystems.uniqueId("kafka-seldon");
        try (TestKafka kafka = TestKafka.start(3, "inference-logs", "kserve-events", SeldonMessages.INPUTS,
                SeldonMessages.OUTPUTS);
                AppProcess app = ProductionApp.start(database, "--aiact.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--aiact.kafka.max-poll-records=2000", "--aiact.kafka.status-interval=PT1S",
                        "--aiact.kafka.bindings[0].topic=inference-logs", "--aiact.kafka.bindings[0].system=" + system,
                        "--aiact.kafka.bindings[0].format=register-json",
                        "--aiact.kafka.bindings[1].topic=kserve-events", "--aiact.kafka.bindings[1].format=cloudevents",
                        "--aiact.kafka.bindings[2].topic=" + SeldonMessages.INPUTS, "--aiact.kafka.bindings[2].system=" + seldoned,
                        "--aiact.kafka.bindings[2].format=seldon-v2",
                        "--aiact.kafka.bindings[3].topic=" + SeldonMessages.OUTPUTS, "--aiact.kafka.bindings[3].system=" + seldoned,
                        "--aiact.kafka.bindings[3].format=seldon-v2")) {
            Api admin = ProductionApp.admin(app);
            for (String id : List.of(system, kserved, seldoned)) {
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
            // Seldon Core 2's model gateway: the response on the outputs topic, then the request on the
            // inputs topic, keyed and headed alike; the response delivered twice.
            String seldonKey = "0.credit-scoring.req-s1";
            kafka.send(SeldonMessages.OUTPUTS, seldonKey, SeldonMessages.response("req-s1"), SeldonMessages.headers("req-s1"));
            kafka.send(SeldonMessages.INPUTS, seldonKey, SeldonMessages.request("req-s1"), SeldonMessages.headers("req-s1"));
            kafka.send(SeldonMessages.OUTPUTS, seldonKey, SeldonMessages.response("req-s1"), SeldonMessages.headers("req-s1"));
            kafka.send(SeldonMessages.INPUTS, "0.credit-scoring.req-s2", "{\"inputs\": []}", SeldonMessages.headers("req-s2"));
            kafka.flush();

            Await.until("all Kafka records in the register", Duration.ofSeconds(240),
                    () -> inferences(database, system) == RECORDS && inferences(database, kserved) == 1
                            && inferences(database, seldoned) == 1);
            JsonNode verification = admin.get("/api/systems/" + system + "/logs/verify").json();
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
            assertThat(ProductionApp.column(database, "SELECT count(DISTINCT client_event_id) FROM log_event "
                    + "WHERE system_id = ? AND type = 'inference'", system)).containsExactly(String.valueOf(RECORDS));
            assertThat(ProductionApp.column(database, "SELECT DISTINCT actor FROM log_event WHERE system_id = ? "
                    + "AND type = 'inference'", system)).containsExactly("kafka:inference-logs");
            JsonNode paired = admin.get("/api/systems/" + kserved + "/logs?type=inference").json().get("events").get(0);
            assertThat(paired.at("/payload/pairing").asText()).as(paired.toString()).isEqualTo("paired");
            JsonNode seldon = admin.get("/api/systems/" + seldoned + "/logs?type=inference").json().get("events").get(0);
            assertThat(seldon.at("/payload/pairing").asText()).as(seldon.toString()).isEqualTo("paired");
            assertThat(seldon.get("clientEventId").asText()).isEqualTo("cloudevent:io.seldon.serving.inference:req-s1");
            assertThat(seldon.at("/payload/seldon/model").asText()).isEqualTo("credit-scoring");
            assertThat(seldon.at("/payload/input/data/inputs/0/data").toString()).isEqualTo("[0.25,1.5,42]");
            assertThat(seldon.at("/payload/output/data/outputs/0/data/0").asDouble()).isEqualTo(0.73);

            List<ConsumerRecord<byte[], byte[]>> poison = kafka.readAll("inference-logs-dlt", 1, Duration.ofSeconds(30));
            assertThat(poison).singleElement().satisfies(letter -> {
                assertThat(TestKafka.header(letter, "aiact-dead-letter-reason")).startsWith("not readable as register-json: $: malformed JSON");
                assertThat(TestKafka.header(letter, "aiact-original-topic")).isEqualTo("inference-logs");
            });
            List<ConsumerRecord<byte[], byte[]>> notSeldon = kafka.readAll(SeldonMessages.INPUTS + "-dlt", 1,
                    Duration.ofSeconds(30));
            assertThat(notSeldon).singleElement().satisfies(letter -> assertThat(TestKafka.header(letter,
                    "aiact-dead-letter-reason")).startsWith("not readable as seldon-v2: value"));
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
    void aBrokerDownAtStartLeavesTheAppRunningWithTheBindingDownAndItResumesFromTheCommittedOffsetsWhenTheBrokerComes()
            throws Exception {
        String database = TestPostgres.newDatabase("kafka_down");
        String system = TestSystems.uniqueId("kafka-late");
        // The app is configured with an address where no broker listens yet; later a relay on that
        // address leads to the broker (the test broker cannot be started on a port chosen in advance).
        int port = TcpRelay.freePort();
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
                return health.status() == 503 && "DOWN".equals(kafkaStatus(health))
                        && "UP".equals(health.json().at("/components/db/status").asText());
            });
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(ProductionApp.admin(app).post("/api/systems", TestSystems.registration(system)).status())
                    .as("the app works without its brokers").isEqualTo(201);

            try (TestKafka kafka = TestKafka.start(1, "late-logs")) {
                for (int i = 0; i < 10; i++) {
                    kafka.send("late-logs", null, "{\"type\":\"inference\",\"clientEventId\":\"late-" + i + "\","
                            + "\"payload\":{\"inputRef\":\"req-" + i + "\",\"output\":1}}", Map.of());
                }
                kafka.flush();
                // Records 0–5 were taken by the group before the outage: the offset it committed is 6.
                kafka.commit("aiact-ops", "late-logs", 0, 6);
                try (TcpRelay broker = TcpRelay.start(port, kafka.bootstrapServers())) {
                    Await.until("the records after the committed offset in the register", Duration.ofSeconds(120),
                            () -> inferences(database, system) == 4);
                    assertThat(ProductionApp.column(database, "SELECT client_event_id FROM log_event WHERE system_id = ? "
                            + "AND type = 'inference' ORDER BY seq", system))
                            .containsExactly("late-6", "late-7", "late-8", "late-9");
                    Await.until("its Kafka binding up", Duration.ofSeconds(60),
                            () -> "UP".equals(kafkaStatus(anonymous.get("/actuator/health"))));
                }
            }
        }
    }

    private static String kafkaStatus(Api.Response health) {
        return health.json().at("/components/kafka/components/late-logs/status").asText();
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
