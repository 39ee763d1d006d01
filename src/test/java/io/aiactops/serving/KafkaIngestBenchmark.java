package io.aiactops.serving;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.aiactops.support.Api;
import io.aiactops.support.BenchmarkApp;
import io.aiactops.support.BenchmarkEvents;
import io.aiactops.support.TestKafka;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test: {@code ./mvnw -Pbenchmark verify -Dit.test=KafkaIngestBenchmark} (docs/benchmarks.md).
 * The same register-json events fed to the register through a Kafka topic (the app's own consumers,
 * {@code concurrency} of them on as many partitions) and through {@code POST /logs} batches from as
 * many HTTP clients, each batch as large as one poll, in alternating rounds of one run on one app.
 * Each way feeds its own system, so both chains grow alike. A Kafka round is timed from its first
 * record sent to the broker until the last is in the chain (the app's commit); the producer alone
 * is timed too, to show it is not what limits the round.
 */
class KafkaIngestBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkApp.RESULTS);

    private static final int EVENTS = Integer.getInteger("benchmark.events", 400_000);
    private static final int BATCH = Integer.getInteger("benchmark.batch", 500);
    private static final int CONSUMERS = Integer.getInteger("benchmark.clients", 4);
    private static final int ROUNDS = 4;
    private static final String TOPIC = "bench-inferences";

    @Test
    void kafkaAgainstTheHttpBatchApi() throws Exception {
        String kafkaSystem = TestSystems.uniqueId("bench-kafka");
        String httpSystem = TestSystems.uniqueId("bench-http");
        try (TestKafka kafka = TestKafka.start(CONSUMERS, TOPIC);
                BenchmarkApp app = BenchmarkApp.start("aiactops_bench_kafka",
                        "--aiact.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--aiact.kafka.max-poll-records=" + BATCH, "--aiact.kafka.concurrency=" + CONSUMERS,
                        "--aiact.kafka.bindings[0].topic=" + TOPIC, "--aiact.kafka.bindings[0].system=" + kafkaSystem,
                        "--aiact.kafka.bindings[0].format=register-json");
                Connection db = DriverManager.getConnection(app.databaseUrl(), "postgres", "postgres")) {
            Api admin = app.api();
            for (String system : List.of(kafkaSystem, httpSystem)) {
                expect(admin.post("/api/systems", TestSystems.registration(system)), 201);
            }
            Rounds rounds = new Rounds(kafka, admin, db, kafkaSystem, httpSystem);
            rounds.both(-1, EVENTS / 10); // warm-up: consumers joined, JIT compiled, pools filled
            rounds.reset();
            int perRound = EVENTS / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                // Alternate which way goes first, so that neither always follows the other's garbage.
                if (round % 2 == 0) {
                    rounds.both(round, perRound);
                } else {
                    rounds.http(round, perRound);
                    rounds.kafka(round, perRound);
                }
            }
            double kafkaRate = rounds.kafkaEvents / rounds.kafkaSeconds;
            double httpRate = rounds.httpEvents / rounds.httpSeconds;
            log.info(String.format(Locale.ROOT, """

                    === Kafka against the HTTP batch API (PostgreSQL %s, %,d events of ~%d bytes per way, %d alternating rounds) ===
                    HTTP batch API, POST /logs, %d clients, batches of %d           : %,9.0f events/s
                    Kafka, register-json, %d partitions, %d consumers, polls of %d  : %,9.0f events/s   %4.0f %% of HTTP batch
                      (the producer alone, sending to the broker                 : %,9.0f events/s)
                    target: Kafka >= 80 %% of the HTTP batch rate""", app.databaseUrl(), EVENTS,
                    BenchmarkEvents.payload(0).length(), ROUNDS, CONSUMERS, BATCH, httpRate, CONSUMERS, CONSUMERS,
                    BATCH, kafkaRate, 100 * kafkaRate / httpRate, rounds.kafkaEvents / rounds.producerSeconds));
            for (String system : List.of(kafkaSystem, httpSystem)) {
                expect(admin.get("/api/systems/" + system + "/logs/verify"), 200);
            }
        }
    }

    /** The two ways in, each timed over all its rounds; each round's events have ids of their own. */
    private static final class Rounds {
        private final TestKafka kafka;
        private final Api api;
        private final Connection db;
        private final String kafkaSystem;
        private final String httpSystem;
        private long kafkaRecorded;
        private double kafkaSeconds;
        private double producerSeconds;
        private double httpSeconds;
        private long kafkaEvents;
        private long httpEvents;

        Rounds(TestKafka kafka, Api api, Connection db, String kafkaSystem, String httpSystem) throws Exception {
            this.kafka = kafka;
            this.api = api;
            this.db = db;
            this.kafkaSystem = kafkaSystem;
            this.httpSystem = httpSystem;
            this.kafkaRecorded = lastSeq(kafkaSystem); // the registration's own events
        }

        void both(int round, int events) throws Exception {
            kafka(round, events);
            http(round, events);
        }

        void reset() {
            kafkaSeconds = producerSeconds = httpSeconds = 0;
            kafkaEvents = httpEvents = 0;
        }

        void kafka(int round, int events) throws Exception {
            String occurredAt = Instant.now().toString();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                kafka.send(TOPIC, "r-" + i, event("k-" + round + "-", i, occurredAt), Map.of());
            }
            kafka.flush();
            producerSeconds += (System.nanoTime() - start) / 1e9;
            kafkaRecorded += events;
            while (lastSeq(kafkaSystem) < kafkaRecorded) {
                LockSupport.parkNanos(2_000_000); // a busy loop would take a core from the app
            }
            kafkaSeconds += (System.nanoTime() - start) / 1e9;
            kafkaEvents += events;
        }

        void http(int round, int events) throws Exception {
            String occurredAt = Instant.now().toString();
            List<byte[]> batches = new ArrayList<>();
            for (int from = 0; from < events; from += BATCH) {
                StringBuilder body = new StringBuilder(BATCH * 560).append('[');
                for (int i = from; i < Math.min(events, from + BATCH); i++) {
                    body.append(i == from ? "" : ",").append(event("h-" + round + "-", i, occurredAt));
                }
                batches.add(body.append(']').toString().getBytes(StandardCharsets.UTF_8));
            }
            httpSeconds += BenchmarkEvents.post(api, httpSystem, batches, CONSUMERS);
            httpEvents += events;
        }

        /** The chain's last sequence number, as committed: what a reader of the register sees. */
        private long lastSeq(String system) throws Exception {
            try (PreparedStatement head = db.prepareStatement("SELECT last_seq FROM log_chain_head WHERE system_id = ?")) {
                head.setString(1, system);
                try (ResultSet rs = head.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
        }

        /** The same event either way: an idempotency key, as a serving platform's logger would send. */
        private static String event(String prefix, int n, String occurredAt) {
            return "{\"type\":\"inference\",\"clientEventId\":\"" + prefix + n + "\",\"occurredAt\":\"" + occurredAt
                    + "\",\"modelVersion\":\"1.0.0\",\"payload\":" + BenchmarkEvents.payload(n) + "}";
        }
    }

    private static void expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.toString());
        }
    }
}
