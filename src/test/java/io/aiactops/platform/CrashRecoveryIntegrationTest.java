package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sustained ingest of log events and monitoring signals into the production profile, SIGKILL, restart,
 * five times: every event and signal whose request got a 2xx is in the register, the chain verifies,
 * a review task opened just before the kill is still there, and its timer, due while the app was
 * down, fires once after the restart.
 */
class CrashRecoveryIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIntegrationTest.class);
    private static final int ROUNDS = 5;
    private static final int LOG_WRITERS = 3;
    private static final Duration REVIEW_DUE = Duration.ofSeconds(8);
    private static final String ESCALATION = "not reviewed in time: accuracy";

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acknowledgedRequests = new AtomicInteger();
    private final AtomicInteger acknowledgedSignals = new AtomicInteger();

    @Test
    void nothingAcknowledgedIsLostAndProcessesContinueWhenTheAppIsKilled() throws Exception {
        String database = TestPostgres.newDatabase("crash");
        String systemId = TestSystems.uniqueId("crash");
        Map<String, String> reviewTasks = new LinkedHashMap<>();
        int cutOff = 0;

        for (int round = 1; round <= ROUNDS + 1; round++) {
            try (AppProcess app = ProductionApp.start(database, "--aiact.oversight.critical-review-due=" + REVIEW_DUE)) {
                Api api = ProductionApp.admin(app);
                if (round == 1) {
                    assertThat(api.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);
                    ProductionApp.createUser(api, "crash-im", "crash-im-secret", "incident-managers", "im@crash.example");
                }
                assertVerifies(api, systemId);
                // The review opened just before the last kill: its task survived, its timer fired after the restart.
                reviewTasks.forEach((system, task) -> assertThat(ProductionApp.column(database,
                        "SELECT id_ FROM act_ru_task WHERE id_ = ?", task)).as("task of %s", system).hasSize(1));
                if (!reviewTasks.isEmpty()) {
                    String last = List.copyOf(reviewTasks.keySet()).get(reviewTasks.size() - 1);
                    awaitEscalation(last);
                }
                if (round > ROUNDS) {
                    break;
                }

                int before = acknowledged.size();
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger failures = new AtomicInteger();
                ExecutorService writers = Executors.newFixedThreadPool(LOG_WRITERS + 1);
                for (int w = 0; w < LOG_WRITERS; w++) {
                    String prefix = "r" + round + "-w" + w;
                    writers.submit(() -> writeLogs(api, systemId, prefix, running, failures));
                }
                String signalPrefix = "r" + round;
                writers.submit(() -> writeSignals(api, systemId, signalPrefix, running, failures));
                Thread.sleep(3_000);

                // A review opened under load just before the kill, due while the app is down.
                String reviewed = TestSystems.uniqueId("crash-review");
                assertThat(api.post("/api/systems", TestSystems.registration(reviewed)).status()).isEqualTo(201);
                JsonNode receipt = api.post("/api/systems/" + reviewed + "/signals", Map.of("metric", "accuracy",
                        "category", "performance", "value", 0.70, "observedAt", Instant.now().toString())).json();
                String reviewId = receipt.get("breaches").get(0).get("reviewId").asText();
                reviewTasks.put(reviewed, ProductionApp.column(database,
                        "SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ?", reviewId).get(0));
                Instant due = Timestamp.valueOf(ProductionApp.column(database,
                        "SELECT duedate_ FROM act_ru_job WHERE process_instance_id_ = ? AND type_ = 'timer'", reviewId)
                        .get(0)).toInstant();
                Thread.sleep(1_000);

                app.kill();
                Instant killedAt = Instant.now();
                running.set(false);
                writers.shutdown();
                assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                cutOff += failures.get();
                log.info("Round {}: {} events and signals acknowledged before SIGKILL ({} requests cut off)", round,
                        acknowledged.size() - before, failures.get());
                assertThat(acknowledged.size()).as("acknowledged in round %d", round).isGreaterThan(before);
                assertThat(due).as("the review timer is due after the kill").isAfter(killedAt);
                // Down until the timer is due: it must fire after the restart, not before the kill.
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis() + 500));
            }
            // Set difference, not AssertJ's containsAll: that compares element by element, quadratic in 10^5 ids.
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(ProductionApp.column(database,
                    "SELECT client_event_id FROM log_event WHERE system_id = ? AND client_event_id IS NOT NULL", systemId));
            assertThat(lost).as("acknowledged but not stored after round %d", round).isEmpty();
        }

        for (String system : reviewTasks.keySet()) {
            assertThat(mails(system)).as("escalations of %s", system).isEqualTo(1);
        }
        int stored = ProductionApp.column(database, "SELECT count(*) FROM log_event WHERE system_id = ?", systemId)
                .stream().mapToInt(Integer::parseInt).sum();
        log.info("RELIABILITY crash: {} rounds of SIGKILL; {} requests acknowledged ({} events and signals, {} of them signals),"
                + " {} requests cut off by the kill; all {} found in the register ({} events in the chain, verified);"
                + " {} review tasks survived, {} timers due during the downtime fired once each after the restart",
                ROUNDS, acknowledgedRequests.get(), acknowledged.size(), acknowledgedSignals.get(), cutOff,
                acknowledged.size(), stored, reviewTasks.size(), reviewTasks.size());
    }

    private void writeLogs(Api api, String systemId, String prefix, AtomicBoolean running, AtomicInteger failures) {
        for (int batch = 0; running.get(); batch++) {
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 200; i++) {
                String id = prefix + "-b" + batch + "-" + i;
                ids.add(id);
                body.append(i == 0 ? "" : ",").append("{\"type\":\"custom\",\"clientEventId\":\"")
                        .append(id).append("\",\"payload\":{\"i\":").append(i).append("}}");
            }
            try {
                Api.Response response = api.send("POST", "/api/systems/" + systemId + "/logs", "application/json",
                        body.append(']').toString());
                if (response.status() == 201) {
                    acknowledged.addAll(ids);
                    acknowledgedRequests.incrementAndGet();
                }
            } catch (RuntimeException killed) {
                failures.incrementAndGet();
                return;
            }
        }
    }

    /** Signals, one in ten breaching the accuracy threshold: they open and update the system's review. */
    private void writeSignals(Api api, String systemId, String prefix, AtomicBoolean running, AtomicInteger failures) {
        for (int batch = 0; running.get(); batch++) {
            List<String> ids = new ArrayList<>();
            List<Map<String, Object>> signals = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = prefix + "-s" + batch + "-" + i;
                ids.add("signal:" + id);
                signals.add(Map.of("metric", "accuracy", "category", "performance", "value", i % 10 == 0 ? 0.70 : 0.93,
                        "observedAt", Instant.now().toString(), "signalId", id));
            }
            try {
                Api.Response response = api.post("/api/systems/" + systemId + "/signals", signals);
                if (response.status() == 202) {
                    acknowledged.addAll(ids);
                    acknowledgedSignals.addAndGet(ids.size());
                    acknowledgedRequests.incrementAndGet();
                }
            } catch (RuntimeException killed) {
                failures.incrementAndGet();
                return;
            }
        }
    }

    private static void assertVerifies(Api api, String systemId) {
        JsonNode verification = api.get("/api/systems/" + systemId + "/logs/verify").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
    }

    private static void awaitEscalation(String systemId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (mails(systemId) == 0) {
            assertThat(Instant.now()).as("escalation of the review on %s after the restart", systemId).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static long mails(String systemId) throws Exception {
        long count = 0;
        for (MimeMessage message : TestMail.server().getReceivedMessages()) {
            if (message.getSubject().contains(systemId + " " + ESCALATION)) {
                count++;
            }
        }
        return count;
    }
}
