package io.aiactops.platform;

import io.aiactops.support.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.JobQueue;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes of the app on one PostgreSQL database, both with the job executor on, as in Camunda 7's
 * cluster model: every timer and async job runs once, concurrent log appends through both nodes give
 * one valid chain, and a review started on one node is completed through the other.
 */
class TwoNodesIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesIntegrationTest.class);
    private static final int REVIEWS = 10;
    private static final Duration REVIEW_DUE = Duration.ofSeconds(15);
    private static final int WRITERS_PER_NODE = 2;
    private static final int BATCHES = 25;
    private static final int BATCH = 100;
    private static final String OVERSEER = "node-overseer";
    private static final String OVERSEER_PASSWORD = "node-overseer-secret";

    @Test
    void jobsRunOnceAppendsFormOneChainAndATaskStartedOnOneNodeIsCompletedOnTheOther() throws Exception {
        String url = TestPostgres.newDatabase("twonodes");
        // Both executors poll at least every 2 s: an idle Camunda executor otherwise backs off up to 60 s
        // between acquisitions, and the node that was hinted about a job would run nearly all of them.
        String[] due = { "--aiact.oversight.critical-review-due=" + REVIEW_DUE,
                "--camunda.bpm.job-execution.wait-time-in-millis=1000", "--camunda.bpm.job-execution.max-wait=2000" };
        try (AppProcess a = ProductionApp.start(url, withHost(due, "node-a"));
                AppProcess b = ProductionApp.start(url, withHost(due, "node-b"))) {
            Api apiA = ProductionApp.admin(a);
            Api apiB = ProductionApp.admin(b);
            ProductionApp.createUser(apiA, "node-im", "node-im-secret", "incident-managers", "im@twonodes.example");
            ProductionApp.createUser(apiB, OVERSEER, OVERSEER_PASSWORD, "ai-overseers", "overseer@twonodes.example");

            // N critical reviews, opened alternately through A and B, each with a timer due shortly.
            List<String> systems = new ArrayList<>();
            List<String> reviews = new ArrayList<>();
            for (int i = 0; i < REVIEWS; i++) {
                Api api = i % 2 == 0 ? apiA : apiB;
                String system = TestSystems.uniqueId("twonodes-" + i);
                assertThat(api.post("/api/systems", TestSystems.registration(system)).status()).isEqualTo(201);
                Api.Response breach = api.post("/api/systems/" + system + "/signals", Map.of("metric", "accuracy",
                        "category", "performance", "value", 0.70, "observedAt", Instant.now().toString()));
                assertThat(breach.status()).as(breach.body()).isEqualTo(202);
                systems.add(system);
                reviews.add(breach.json().get("breaches").get(0).get("reviewId").asText());
            }

            // Meanwhile: concurrent appends to one system through both nodes.
            String chained = TestSystems.uniqueId("twonodes-chain");
            assertThat(apiA.post("/api/systems", TestSystems.registration(chained)).status()).isEqualTo(201);
            ExecutorService writers = Executors.newFixedThreadPool(2 * WRITERS_PER_NODE);
            List<Future<Integer>> written = new ArrayList<>();
            for (int w = 0; w < 2 * WRITERS_PER_NODE; w++) {
                Api api = w % 2 == 0 ? apiA : apiB;
                String prefix = (w % 2 == 0 ? "a" : "b") + w;
                written.add(writers.submit(() -> append(api, chained, prefix)));
            }
            int acknowledged = 0;
            for (Future<Integer> f : written) {
                acknowledged += f.get(5, TimeUnit.MINUTES);
            }
            writers.shutdown();
            assertThat(acknowledged).isEqualTo(2 * WRITERS_PER_NODE * BATCHES * BATCH);
            JsonNode verifiedA = apiA.get("/api/systems/" + chained + "/logs/verify").json();
            JsonNode verifiedB = apiB.get("/api/systems/" + chained + "/logs/verify").json();
            assertThat(verifiedA.get("valid").asBoolean()).as(verifiedA.toString()).isTrue();
            assertThat(verifiedB.get("valid").asBoolean()).as(verifiedB.toString()).isTrue();
            int stored = Integer.parseInt(ProductionApp.column(url,
                    "SELECT count(*) FROM log_event WHERE system_id = ? AND client_event_id IS NOT NULL", chained).get(0));
            assertThat(stored).isEqualTo(acknowledged);
            List<String> sequences = ProductionApp.column(url,
                    "SELECT count(DISTINCT seq) || '/' || count(*) || '/' || max(seq) FROM log_event WHERE system_id = ?",
                    chained);

            // Each escalation mail exactly once, counted when nothing is left that could send another.
            Await.until("escalations of " + REVIEWS + " reviews", Duration.ofSeconds(90),
                    () -> systems.stream().mapToLong(TwoNodesIntegrationTest::escalations).sum() >= REVIEWS);
            JobQueue.awaitIdle(apiA, Duration.ofSeconds(90));
            for (String system : systems) {
                assertThat(escalations(system)).as("escalations of %s", system).isEqualTo(1);
            }
            // Every job of the database ran successfully at most once (Camunda's job log), on either node.
            // Except the engine's history cleanup: one job by design, run again and again within its nightly
            // window (01:00-05:00, application.yml) while it finds work.
            List<String> ranTwice = ProductionApp.column(url, "SELECT job_id_ || ' ' || job_def_type_ || ' '"
                    + " || coalesce(act_id_, '') || ' ' || string_agg(hostname_ || '@' || timestamp_, ', ')"
                    + " FROM act_hi_job_log WHERE job_state_ = 2 AND job_def_type_ <> 'history-cleanup'"
                    + " GROUP BY job_id_, job_def_type_, act_id_ HAVING count(*) > 1");
            assertThat(ranTwice).as("jobs that ran twice").isEmpty();
            List<String> perNode = ProductionApp.column(url, "SELECT hostname_ || ': ' || count(*) FROM act_hi_job_log"
                    + " WHERE job_state_ = 2 GROUP BY hostname_ ORDER BY hostname_");
            List<String> timers = ProductionApp.column(url, "SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2"
                    + " AND job_def_type_ LIKE 'timer%'");

            // A review started on A (the first one) is completed through B's engine-rest as an overseer.
            String reviewOnA = reviews.get(0);
            Api overseerB = Api.anonymous(b.port()).as(OVERSEER, OVERSEER_PASSWORD);
            JsonNode tasks = overseerB.get("/engine-rest/task?processInstanceId=" + reviewOnA).json();
            assertThat(tasks).as(tasks.toString()).hasSize(1);
            String taskId = tasks.get(0).get("id").asText();
            Api.Response completed = overseerB.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables",
                    Map.of("decision", Map.of("value", "dismiss", "type", "String"),
                            "decisionReason", Map.of("value", "Checked on node B", "type", "String"))));
            assertThat(completed.status()).as(completed.body()).isIn(200, 204);
            assertThat(ProductionApp.column(url, "SELECT id_ FROM act_ru_task WHERE id_ = ?", taskId)).isEmpty();
            JsonNode decision = awaitOversightAction(apiA, systems.get(0));
            assertThat(decision.get("actor").asText()).isEqualTo(OVERSEER);
            assertThat(decision.get("payload").get("decision").asText()).isEqualTo("dismiss");

            log.info("RELIABILITY two nodes: {} reviews opened through A and B, {} escalation mails (1 each);"
                    + " {} successful job executions in the job log (per node: {}; {} of them timers), 0 ran twice;"
                    + " {} events appended concurrently through both nodes by {} writers, {} stored,"
                    + " one chain (distinct seq/events/max seq {}) verified on A and on B; review {} started on A"
                    + " completed through B's engine-rest by {}", REVIEWS, REVIEWS,
                    ProductionApp.column(url, "SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2").get(0), perNode,
                    timers.get(0), acknowledged, 2 * WRITERS_PER_NODE, stored, sequences.get(0), reviewOnA, OVERSEER);
        }
    }

    private static String[] withHost(String[] args, String host) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--camunda.bpm.generic-properties.properties.hostname=" + host);
        return all.toArray(String[]::new);
    }

    private static int append(Api api, String systemId, String prefix) {
        int acknowledged = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < BATCH; i++) {
                body.append(i == 0 ? "" : ",").append("{\"type\":\"custom\",\"clientEventId\":\"").append(prefix)
                        .append("-b").append(batch).append('-').append(i).append("\",\"payload\":{\"i\":").append(i)
                        .append("}}");
            }
            Api.Response response = api.send("POST", "/api/systems/" + systemId + "/logs", "application/json",
                    body.append(']').toString());
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            acknowledged += BATCH;
        }
        return acknowledged;
    }

    private static long escalations(String systemId) {
        try {
            long count = 0;
            for (MimeMessage message : TestMail.server().getReceivedMessages()) {
                if (message.getSubject().contains(systemId + " not reviewed in time: accuracy")) {
                    count++;
                }
            }
            return count;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode awaitOversightAction(Api api, String systemId) {
        JsonNode events = Await.until("oversight_action of " + systemId, Duration.ofSeconds(30),
                () -> api.get("/api/systems/" + systemId + "/logs?type=oversight_action").json().get("events"),
                e -> e != null && e.size() > 0);
        assertThat(events).as("one decision, one event").hasSize(1);
        return events.get(0);
    }
}
