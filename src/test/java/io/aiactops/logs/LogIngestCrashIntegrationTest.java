package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sustained ingest into the production profile, SIGKILL, restart: every event whose request got a
 * 2xx is in the register and the chain verifies, round after round.
 */
class LogIngestCrashIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LogIngestCrashIntegrationTest.class);
    private static final int ROUNDS = 2;
    private static final int WRITERS = 4;

    @Test
    void noAcknowledgedEventIsLostWhenTheAppIsKilled() throws Exception {
        String database = TestPostgres.newDatabase("crash");
        Map<String, String> environment = Map.of("DB_URL", database, "DB_USER", "postgres", "DB_PASSWORD", "postgres",
                "AIACT_ADMIN_USER", "operator", "AIACT_ADMIN_PASSWORD", "crash-test-secret");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String systemId = null;

        for (int round = 1; round <= ROUNDS; round++) {
            try (AppProcess app = AppProcess.start(environment, "--spring.profiles.active=postgres")) {
                app.awaitHealthy(Duration.ofSeconds(120));
                Api api = Api.anonymous(app.port()).as("operator", "crash-test-secret");
                if (systemId == null) {
                    systemId = TestSystems.uniqueId("crash");
                    assertThat(api.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);
                }
                assertVerifies(api, systemId);

                int before = acknowledged.size();
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger failures = new AtomicInteger();
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                String system = systemId;
                int r = round;
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        for (int batch = 0; running.get(); batch++) {
                            List<String> ids = new java.util.ArrayList<>();
                            StringBuilder body = new StringBuilder("[");
                            for (int i = 0; i < 200; i++) {
                                String id = "r" + r + "-w" + writer + "-b" + batch + "-" + i;
                                ids.add(id);
                                body.append(i == 0 ? "" : ",").append("{\"type\":\"custom\",\"clientEventId\":\"")
                                        .append(id).append("\",\"payload\":{\"i\":").append(i).append("}}");
                            }
                            try {
                                Api.Response response = api.send("POST", "/api/systems/" + system + "/logs",
                                        "application/json", body.append(']').toString());
                                if (response.status() == 201) {
                                    acknowledged.addAll(ids);
                                }
                            } catch (RuntimeException killed) {
                                failures.incrementAndGet();
                                return;
                            }
                        }
                    });
                }
                Thread.sleep(4_000);
                app.kill();
                running.set(false);
                writers.shutdown();
                assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                log.info("Round {}: {} events acknowledged before SIGKILL ({} requests cut off)", round,
                        acknowledged.size() - before, failures.get());
                assertThat(acknowledged.size()).as("events acknowledged in round %d", round).isGreaterThan(before);
            }
            // Set difference, not AssertJ's containsAll: that compares element by element, quadratic in 10^5 ids.
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored(database, systemId));
            assertThat(lost).as("acknowledged but not stored after round %d", round).isEmpty();
        }

        try (AppProcess app = AppProcess.start(environment, "--spring.profiles.active=postgres")) {
            app.awaitHealthy(Duration.ofSeconds(120));
            assertVerifies(Api.anonymous(app.port()).as("operator", "crash-test-secret"), systemId);
        }
    }

    private static void assertVerifies(Api api, String systemId) {
        JsonNode verification = api.get("/api/systems/" + systemId + "/logs/verify").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
    }

    private static Set<String> stored(String database, String systemId) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(database, "postgres", "postgres");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT client_event_id FROM log_event WHERE system_id = ? AND client_event_id IS NOT NULL")) {
            query.setString(1, systemId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
