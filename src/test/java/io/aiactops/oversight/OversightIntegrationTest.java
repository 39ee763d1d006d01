package io.aiactops.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.Roles;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signals to stop and back, on PostgreSQL: breaches open one review per system and metric, the
 * overseer's stop takes the system out of operation at once, and a different person resumes it.
 */
@IntegrationTest
class OversightIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcClient jdbc;

    Api api;
    String systemId;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "oversight");
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void breachesOpenOneReviewThenStopConfirmAndResumeByAnotherPerson() {
        // Given signals, one fine and two breaching accuracy
        Api.Response first = signals(signal("accuracy", "performance", 0.91), signal("accuracy", "performance", 0.83));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(first.json().get("breaches")).hasSize(1);
        JsonNode breach = first.json().get("breaches").get(0);
        assertThat(breach.get("index").asInt()).isEqualTo(1);
        assertThat(breach.get("severity").asText()).isEqualTo("warning");
        assertThat(breach.get("rationale").asText()).isEqualTo("Accuracy below 0.85");
        String reviewId = breach.get("reviewId").asText();

        Api.Response second = signals(signal("accuracy", "performance", 0.78));
        assertThat(second.json().get("breaches").get(0).get("reviewId").asText()).isEqualTo(reviewId);

        // Then one task, not two, now critical with two breaches
        List<Task> tasks = taskService.createTaskQuery().processVariableValueEquals(OversightReviewVariables.AI_SYSTEM_ID.name(), systemId).list();
        assertThat(tasks).hasSize(1);
        Task review = tasks.get(0);
        Map<String, Object> shown = taskService.getVariables(review.getId());
        assertThat(shown).containsEntry("breachCount", 2L).containsEntry("severity", "critical")
                .containsEntry("latestValue", 0.78).containsEntry("rationale", "Accuracy below 0.80");
        assertThat(types()).contains("monitoring_signal", "threshold_breach");

        // When the overseer stops the system from the review
        identityService.setAuthentication("overseer", List.of(Roles.OVERSEERS));
        taskService.claim(review.getId(), "overseer");
        taskService.complete(review.getId(), Map.of("decision", "stop_system", "decisionReason", "Accuracy collapsed"));
        identityService.clearAuthentication();

        // Then the serving layer sees it at once
        JsonNode status = api.as("ingest").get("/api/systems/" + systemId + "/operational-status").json();
        assertThat(status.get("operational").asBoolean()).isFalse();
        assertThat(status.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(status.get("by").asText()).isEqualTo("overseer");
        assertThat(status.get("reason").asText()).contains("Accuracy collapsed");
        assertThat(status.get("since").asText()).isNotBlank();

        // And confirms its safe state
        Api.Response confirmed = api.as("ingest").post("/api/systems/" + systemId + "/operational-status/confirmations",
                Map.of("detail", "traffic drained, fallback to manual scoring"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.json().get("stopProcessWaiting").asBoolean()).isTrue();

        // When the overseer tries to resume it: resuming is the process owners' task
        Task resume = resumeTask();
        identityService.setAuthentication("overseer", List.of(Roles.OVERSEERS));
        assertThatThrownBy(() -> taskService.complete(resume.getId(), Map.of("resumeReason", "fixed")))
                .isInstanceOf(AuthorizationException.class);

        // Then a process owner resumes it
        identityService.setAuthentication("process-owner", List.of(Roles.PROCESS_OWNERS));
        taskService.complete(resume.getId(), Map.of("resumeReason", "Rolled back to 1.0.0, accuracy 0.91"));
        identityService.clearAuthentication();

        status = api.as("ingest").get("/api/systems/" + systemId + "/operational-status").json();
        assertThat(status.get("operational").asBoolean()).isTrue();
        assertThat(status.get("by").asText()).isEqualTo("process-owner");
        List<JsonNode> actions = events("oversight_action");
        assertThat(actions).singleElement().satisfies(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("overseer");
            assertThat(e.get("payload").get("decision").asText()).isEqualTo("stop_system");
        });
        assertThat(types()).containsSubsequence("threshold_breach", "oversight_action", "system_stopped",
                "safe_state_confirmed", "system_resumed");
        assertThat(api.as("auditor").get("/api/systems/" + systemId + "/logs/verify").json().get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void theStopButtonIsForOverseersAndProcessOwnersAndStopsOnce() {
        assertThat(api.as("ingest").post("/api/systems/" + systemId + "/stop", Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(api.as("overseer").post("/api/systems/" + systemId + "/stop", Map.of()).status()).isEqualTo(400);

        Api.Response stopped = api.as("overseer").post("/api/systems/" + systemId + "/stop",
                Map.of("reason", "Deployer reports discriminatory refusals"));
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().get("operational").asBoolean()).isFalse();

        Api.Response again = api.as("process-owner").post("/api/systems/" + systemId + "/stop", Map.of("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("SUSPENDED");
        assertThat(api.as("overseer").post("/api/systems/no-such-system/stop", Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(events("system_stopped")).hasSize(1);
    }

    @Test
    void aReviewCannotStopASystemSomeoneAlreadyStoppedAndNamesWho() {
        signals(signal("accuracy", "performance", 0.70));
        Task review = reviewTask();
        api.as("process-owner").post("/api/systems/" + systemId + "/stop", Map.of("reason", "Deployer complaint"));

        // Through /engine-rest, as Tasklist completes it: a conflict named, not an engine failure.
        Api.Response decided = api.as("overseer").post("/engine-rest/task/" + review.getId() + "/complete",
                Map.of("variables", Map.of("decision", Map.of("value", "stop_system"),
                        "decisionReason", Map.of("value", "Accuracy collapsed"))));
        assertThat(decided.status()).as(decided.body()).isEqualTo(409);
        assertThat(decided.json().get("message").asText()).contains("already SUSPENDED", "(by process-owner)");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("the review stays open").isEqualTo(1);
        assertThat(events("oversight_action")).as("nothing recorded of the refused decision").isEmpty();
        assertThat(events("system_stopped")).hasSize(1);
    }

    @Test
    void theProcessOwnerWhoStoppedASystemCannotResumeItButAnotherPersonCan() {
        api.as("process-owner").post("/api/systems/" + systemId + "/stop", Map.of("reason", "Suspicious outputs"));
        api.as("ingest").post("/api/systems/" + systemId + "/operational-status/confirmations", Map.of());
        Task resume = resumeTask();

        identityService.setAuthentication("process-owner", List.of(Roles.PROCESS_OWNERS));
        assertThatThrownBy(() -> taskService.complete(resume.getId(), Map.of("resumeReason", "false alarm")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("another process owner");
        identityService.clearAuthentication();
        // Nor through /engine-rest, also not by sending another name as the stopper with the completion.
        String complete = "/engine-rest/task/" + resume.getId() + "/complete";
        Api.Response byStopper = api.as("process-owner").post(complete,
                Map.of("variables", Map.of("resumeReason", Map.of("value", "false alarm"))));
        assertThat(byStopper.status()).as(byStopper.body()).isEqualTo(400);
        assertThat(byStopper.json().get("message").asText()).contains("another process owner");
        Api.Response forged = api.as("process-owner").post(complete,
                Map.of("variables", Map.of("resumeReason", Map.of("value", "false alarm"),
                        "stoppedBy", Map.of("value", "overseer"))));
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(forged.json().get("message").asText()).endsWith("'stoppedBy' is shown read-only");
        assertThat(api.as("ingest").get("/api/systems/" + systemId + "/operational-status").json()
                .get("operational").asBoolean()).isFalse();

        identityService.setAuthentication("admin", List.of(Roles.ADMINS));
        taskService.complete(resume.getId(), Map.of("resumeReason", "Checked with the deployer: false alarm"));
        assertThat(api.as("ingest").get("/api/systems/" + systemId + "/operational-status").json()
                .get("operational").asBoolean()).isTrue();
    }

    @Test
    void badSignalsAreRefusedNamingTheFieldAndNothingIsStored() {
        int before = types().size();
        String good = Api.json(signal("accuracy", "performance", 0.5));

        assertBad(signalsRaw("[" + good + ",{\"metric\":\"accuracy\",\"category\":\"performance\",\"value\":\"0.5\","
                + "\"observedAt\":\"2026-11-25T09:00:00Z\"}]"), 400, "[1].value");
        assertBad(signalsRaw("{\"category\":\"performance\",\"value\":0.5,\"observedAt\":\"2026-11-25T09:00:00Z\"}"),
                400, "metric");
        assertBad(signalsRaw("{\"metric\":\"accuracy\",\"category\":\"vibes\",\"value\":0.5,"
                + "\"observedAt\":\"2026-11-25T09:00:00Z\"}"), 400, "category");
        assertBad(signalsRaw("{\"metric\":\"accuracy\",\"category\":\"performance\",\"value\":0.5,"
                + "\"observedAt\":\"yesterday\"}"), 400, "observedAt");
        assertBad(signalsRaw("[" + good + ",{\"metric\":\"accuracy\",\"category\":\"performance\",\"value\":0.5,"
                + "\"observedAt\":\"2026-11-25T09:00:00Z\",\"colour\":\"red\"}]"), 400, "[1].colour");
        assertBad(signalsRaw("[]"), 400, "$");
        assertBad(signalsRaw("{not json"), 400, null);
        // The built-in monitors' own source and ids: a client's signal would stand in for their windows.
        assertBad(signalsRaw("{\"metric\":\"psi_drift\",\"category\":\"drift\",\"value\":0.01,"
                + "\"observedAt\":\"9999-01-01T00:00:00Z\",\"source\":\"builtin\"}"), 400, "source");
        assertBad(signalsRaw("{\"metric\":\"psi_drift\",\"category\":\"drift\",\"value\":0.01,"
                + "\"observedAt\":\"2026-11-25T09:00:00Z\",\"signalId\":\"builtin:" + systemId
                + ":psi_drift:2026-11-25T09:00:00Z\"}"), 400, "signalId");
        assertBad(api.as("ingest").send("POST", "/api/systems/" + systemId + "/signals", "text/plain", good), 415, null);
        assertBad(api.as("ingest").post("/api/systems/no-such-system/signals", signal("accuracy", "performance", 0.5)),
                404, null);
        assertThat(api.as("overseer").post("/api/systems/" + systemId + "/signals", signal("accuracy", "performance", 0.5))
                .status()).isEqualTo(403);

        assertThat(types()).hasSize(before);
        assertThat(taskService.createTaskQuery().processVariableValueEquals(OversightReviewVariables.AI_SYSTEM_ID.name(), systemId).count()).isZero();
    }

    @Test
    void aRepeatedSignalIdIsStoredAndCountedOnce() {
        Map<String, Object> signal = signal("psi_drift", "drift", 0.31);

        assertThat(signals(signal).json().get("breaches")).hasSize(1);
        Api.Response repeated = signals(signal);

        assertThat(repeated.status()).isEqualTo(202);
        assertThat(repeated.json().get("accepted").asInt()).isZero();
        assertThat(repeated.json().get("duplicates").get(0).asText()).isEqualTo(signal.get("signalId"));
        assertThat(repeated.json().get("breaches")).isEmpty();
        assertThat(events("monitoring_signal")).hasSize(1);
        assertThat(taskService.getVariables(reviewTask().getId())).containsEntry("breachCount", 1L);
    }

    @Test
    void concurrentRequestsRepeatingASignalStoreItOnceAndNameItAsADuplicateInTheOthers() throws Exception {
        // Concurrent requests of one system share a transaction and one append: each must still get its own
        // signals' outcomes, wherever they sit in the shared append.
        Map<String, Object> repeated = signal("accuracy", "performance", 0.95);
        int requests = 8;
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Map<String, Object> own = signal("accuracy", "performance", 0.95);
            answers.add(clients.submit(() -> {
                start.await();
                return signals(own, repeated);
            }));
        }
        start.countDown();
        int storedRepeated = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            JsonNode duplicates = response.json().get("duplicates");
            if (duplicates.isEmpty()) {
                storedRepeated++;
                assertThat(response.json().get("accepted").asInt()).as(response.body()).isEqualTo(2);
            } else {
                assertThat(duplicates).as(response.body()).hasSize(1);
                assertThat(duplicates.get(0).asText()).isEqualTo(repeated.get("signalId"));
                assertThat(response.json().get("accepted").asInt()).as(response.body()).isEqualTo(1);
            }
        }
        clients.shutdown();
        assertThat(storedRepeated).isEqualTo(1);
        assertThat(events("monitoring_signal")).hasSize(requests + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM metric_point WHERE system_id = ?").param(systemId)
                .query(Integer.class).single()).isEqualTo(requests + 1);
    }

    @Test
    void aRedeployedThresholdTableAppliesToTheNextSignal() throws Exception {
        assertThat(signals(signal("accuracy", "performance", 0.90)).json().get("breaches")).isEmpty();

        // A process owner adds a stricter row for this system on top and redeploys, as from Camunda Modeler
        String table = Files.readString(Path.of("processes/monitoring-thresholds.dmn"), StandardCharsets.UTF_8);
        String stricter = table.replaceFirst("<rule id=\"Rule_01\">", """
                <rule id="Rule_Strict">
                        <inputEntry id="Rule_Strict_AiSystemId"><text>"%s"</text></inputEntry>
                        <inputEntry id="Rule_Strict_Metric"><text>"accuracy"</text></inputEntry>
                        <inputEntry id="Rule_Strict_Category"><text>-</text></inputEntry>
                        <inputEntry id="Rule_Strict_Value"><text>&lt; 0.95</text></inputEntry>
                        <outputEntry id="Rule_Strict_Severity"><text>"warning"</text></outputEntry>
                        <outputEntry id="Rule_Strict_Rationale"><text>"Accuracy below 0.95 for this system"</text></outputEntry>
                      </rule>
                      <rule id="Rule_01">""".formatted(systemId));
        repositoryService.createDeployment().name("thresholds-" + systemId)
                .addString("monitoring-thresholds.dmn", stricter).deploy();

        JsonNode breaches = signals(signal("accuracy", "performance", 0.90)).json().get("breaches");
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).get("rationale").asText()).isEqualTo("Accuracy below 0.95 for this system");
    }

    @Test
    void aBrokenThresholdTableIsRefusedOnDeployAndSignalsKeepTheirAnswer() throws Exception {
        String table = Files.readString(Path.of("processes/monitoring-thresholds.dmn"), StandardCharsets.UTF_8);
        String withoutCatchAll = table.replaceAll("(?s)<rule id=\"Rule_14\">.*?</rule>", "");

        // Through /engine-rest, as Camunda Modeler deploys: a 400 saying why, not the engine's 500.
        Api.Response refused = api.as("process-owner").deploy("broken-thresholds-" + systemId,
                Map.of("monitoring-thresholds.dmn", withoutCatchAll));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).startsWith(
                "The thresholds table 'monitoring-thresholds' is refused: the last rule must be the catch-all");
        assertThat(signals(signal("accuracy", "performance", 0.99)).status()).isEqualTo(202);
    }

    @Test
    void anOverdueCriticalReviewMailsTheIncidentManagers() throws Exception {
        signals(signal("accuracy", "performance", 0.70));
        Task review = reviewTask();
        Job overdue = managementService.createJobQuery().processInstanceId(review.getProcessInstanceId())
                .activityId(OversightReviewProcess.BOUNDARY_REVIEW_OVERDUE).singleResult();

        managementService.executeJob(overdue.getId()); // as if four hours had passed; the job executor sends the mail

        MimeMessage escalation = awaitMail("not reviewed in time: accuracy");
        assertThat(escalation.getAllRecipients()).extracting(Object::toString).contains("incident-manager@aiact-ops.example");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    }

    private Task resumeTask() {
        Task resume = taskService.createTaskQuery().processVariableValueEquals(OversightReviewVariables.AI_SYSTEM_ID.name(), systemId)
                .taskDefinitionKey(SystemStopProcess.TASK_RESUME_SYSTEM).singleResult();
        assertThat(resume).as("resume task of " + systemId).isNotNull();
        return resume;
    }

    private Task reviewTask() {
        return taskService.createTaskQuery().processVariableValueEquals(OversightReviewVariables.AI_SYSTEM_ID.name(), systemId)
                .taskDefinitionKey(OversightReviewProcess.TASK_REVIEW_ALERT).singleResult();
    }

    private MimeMessage awaitMail(String subjectPart) {
        return TestMail.await("'" + subjectPart + "' for " + systemId,
                subject -> subject.contains(systemId) && subject.contains(subjectPart), 1).get(0);
    }

    private static void assertBad(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(field);
        }
    }

    private Api.Response signals(Object body) {
        return api.as("ingest").post("/api/systems/" + systemId + "/signals", body);
    }

    private Api.Response signals(Map<String, Object> first, Map<String, Object> second) {
        return signals(List.of(first, second));
    }

    private Api.Response signalsRaw(String body) {
        return api.as("ingest").send("POST", "/api/systems/" + systemId + "/signals", "application/json", body);
    }

    private static Map<String, Object> signal(String metric, String category, double value) {
        return Map.of("metric", metric, "category", category, "value", value, "observedAt", Instant.now().toString(),
                "modelVersion", "1.0.0", "source", "it", "signalId", UUID.randomUUID().toString(),
                "labels", Map.of("segment", "all"));
    }

    private List<JsonNode> events(String type) {
        JsonNode page = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=" + type).json();
        List<JsonNode> events = new ArrayList<>();
        page.get("events").forEach(events::add);
        return events;
    }

    private List<String> types() {
        List<String> types = new ArrayList<>();
        api.as("auditor").get("/api/systems/" + systemId + "/logs?limit=1000").json().get("events")
                .forEach(e -> types.add(e.get("type").asText()));
        return types;
    }
}
