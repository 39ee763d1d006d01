package io.aiactops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.Roles;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.LockTurns;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Corrective actions on PostgreSQL and GreenMail: an authority order's 15-working-day deadline, a
 * recall that every deployer acknowledges through the link in its mail, an overseer's hand-over.
 */
@IntegrationTest
class CorrectiveActionIntegrationTest {

    private static final Pattern LINK = Pattern.compile("/acknowledgements/([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CorrectiveActions correctiveActions;
    @Autowired
    JdbcClient jdbc;

    Api api;
    String systemId;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "corrective");
    }

    @Test
    void anAuthorityOrderIsDueWithinFifteenWorkingDaysSkippingWeekendsAndHolidays() {
        // Ordered on Wednesday 1 July 2026 in FR: 13 July (a configured company holiday) and 14 July
        // (national holiday) are skipped with the weekends; the authority's 30 days end later.
        String id = request(Map.of("reason", "Correct the bias in age groups", "origin", "authority_order",
                "authorityOrder", Map.of("memberState", "FR", "reference", "MSA-FR-2026-118",
                        "orderedAt", "2026-07-01T10:00:00+02:00", "periodDays", 30)));

        JsonNode action = api.as("process-owner").get("/api/corrective-actions/" + id).json();
        assertThat(action.get("dueLastDay").asText()).isEqualTo("2026-07-24");
        assertThat(action.get("dueAt").asText()).isEqualTo("2026-07-24T22:00:00Z");
        Task decide = task(id);
        assertThat(decide.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-07-24T22:00:00Z"));

        String shorter = request(Map.of("reason", "Urgent", "origin", "authority_order", "authorityOrder",
                Map.of("memberState", "FR", "reference", "MSA-FR-2026-119", "orderedAt", "2026-07-01T10:00:00+02:00",
                        "periodDays", 5)));
        assertThat(api.as("process-owner").get("/api/corrective-actions/" + shorter).json().get("dueLastDay").asText())
                .as("the authority's own 5 days end first").isEqualTo("2026-07-06");
    }

    @Test
    void aLastAcknowledgementWaitsForTheCaseWhileTheProcessAsksWhetherEveryDeployerAcknowledged() throws Exception {
        String id = request(Map.of("reason", "Scores inverted for one branch"));
        decide(id, "recall", "Deployers must stop using it at once");
        Map<String, String> tokens = new java.util.HashMap<>();
        for (MimeMessage mail : awaitMails("RECALL: stop using AI system " + systemId, 4)) {
            Matcher link = LINK.matcher(mail.getContent().toString());
            assertThat(link.find()).isTrue();
            tokens.put(mail.getAllRecipients()[0].toString(), link.group(1));
        }
        assertThat(acknowledge(tokens.get("ops@bank-a.example")).status()).isEqualTo(200);

        // The question as the job "Inform operators" asks it, in a transaction that has not reached the wait yet.
        Api.Response last = LockTurns.secondWaitsForFirst(transactions, jdbc,
                () -> assertThat(correctiveActions.allDeployersAcknowledged(id)).isFalse(),
                () -> acknowledge(tokens.get("ops@bank-b.example")),
                // It waits before it touches its recipient's row, so it holds nothing another case's transaction
                // that locks the case first could wait for (no deadlock).
                () -> assertThat(jdbc.sql("SELECT id FROM tracked_recipient WHERE subject = ? AND email = ? FOR UPDATE NOWAIT")
                        .params(id, "ops@bank-b.example").query(Long.class).list()).hasSize(1));
        assertThat(last.status()).isEqualTo(200);
        assertThat(api.as("process-owner").get("/api/corrective-actions/" + id).json().get("status").asText())
                .isEqualTo("CLOSED");
    }

    @Test
    void aRecallMailsEveryDeployerAndEndsWhenBothAcknowledged() throws Exception {
        String id = request(Map.of("reason", "Scores inverted for a whole branch"));
        decide(id, "recall", "Deployers must stop using it at once");

        List<MimeMessage> mails = awaitMails("RECALL: stop using AI system " + systemId, 4);
        Map<String, String> tokens = new java.util.HashMap<>();
        for (MimeMessage mail : mails) {
            Matcher link = LINK.matcher(mail.getContent().toString());
            assertThat(link.find()).as(mail.getContent().toString()).isTrue();
            tokens.put(mail.getAllRecipients()[0].toString(), link.group(1));
        }
        assertThat(tokens).containsKeys("ops@bank-a.example", "ops@bank-b.example", "compliance@distributor.example");

        assertThat(api.get("/acknowledgements/" + tokens.get("ops@bank-a.example")).body()).contains("I acknowledge receipt");
        assertThat(acknowledge(tokens.get("ops@bank-a.example")).status()).isEqualTo(200);
        assertThat(api.as("process-owner").get("/api/corrective-actions/" + id).json().get("status").asText()).isEqualTo("OPEN");
        assertThat(acknowledge(tokens.get("ops@bank-b.example")).body()).contains("is recorded", id);

        JsonNode closed = api.as("process-owner").get("/api/corrective-actions/" + id).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(StreamSupport.stream(closed.get("recipients").spliterator(), false)
                .filter(r -> r.get("role").asText().equals("DEPLOYER")))
                .hasSize(2).allSatisfy(r -> assertThat(r.hasNonNull("acknowledgedAt")).isTrue());
        JsonNode events = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=corrective_action").json().get("events");
        assertThat(events.findValuesAsText("event")).contains("requested", "decided", "acknowledged", "closed");
        assertThat(acknowledge("not-a-token").status()).isEqualTo(404);
    }

    @Test
    void disablingTheSystemTakesItOutOfOperationAtOnce() {
        String id = request(Map.of("reason", "Wrong refusals"));
        decide(id, "disable", "Stop until the rule table is fixed");

        JsonNode status = api.as("ingest").get("/api/systems/" + systemId + "/operational-status").json();
        assertThat(status.get("operational").asBoolean()).isFalse();
        assertThat(status.get("reason").asText()).contains(id);
    }

    @Test
    void anOverseersRequestIsHandedOverToTheProcessOwners() {
        Api.Response breach = api.as("ingest").post("/api/systems/" + systemId + "/signals", Map.of("metric", "accuracy",
                "category", "performance", "value", 0.5, "observedAt", Instant.now().toString()));
        Task review = taskService.createTaskQuery()
                .processInstanceId(breach.json().get("breaches").get(0).get("reviewId").asText()).singleResult();
        identityService.setAuthentication("overseer", List.of(Roles.OVERSEERS));
        taskService.claim(review.getId(), "overseer");
        taskService.complete(review.getId(), Map.of("decision", "request_corrective_action", "decisionReason", "Retrain on Q4 data"));
        identityService.clearAuthentication();

        JsonNode requested = api.as("process-owner").get("/api/systems/" + systemId + "/corrective-actions").json().get(0);
        assertThat(requested.get("origin").asText()).isEqualTo("oversight_review");
        assertThat(requested.get("reference").asText()).isEqualTo(systemId + "/accuracy");
        assertThat(requested.get("reason").asText()).contains("Retrain on Q4 data");
        assertThat(requested.get("createdBy").asText()).isEqualTo("overseer");
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndOpenNothing() {
        String path = "/api/systems/" + systemId + "/corrective-actions";
        assertBad(api.as("process-owner").post(path, Map.of()), "reason");
        assertBad(api.as("process-owner").post(path, Map.of("reason", "x", "origin", "whim")), "origin");
        assertBad(api.as("process-owner").post(path, Map.of("reason", "x", "origin", "authority_order")), "authorityOrder");
        assertBad(api.as("process-owner").post(path, Map.of("reason", "x", "origin", "authority_order", "authorityOrder",
                Map.of("memberState", "XX", "reference", "r", "orderedAt", "2026-07-01T10:00:00Z"))), "authorityOrder.memberState");
        assertBad(api.as("process-owner").post(path, Map.of("reason", "x", "origin", "authority_order", "authorityOrder",
                Map.of("memberState", "FR", "reference", "r", "orderedAt", "2026-07-01T10:00:00Z", "periodDays", 1.5))),
                "authorityOrder.periodDays");
        assertThat(api.as("process-owner").get(path).json()).isEmpty();
        assertThat(api.as("process-owner").post("/api/systems/no-such-system/corrective-actions", Map.of("reason", "x"))
                .status()).isEqualTo(404);
    }

    private String request(Map<String, Object> body) {
        Api.Response created = api.as("process-owner").post("/api/systems/" + systemId + "/corrective-actions", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Task task(String id) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(CorrectiveActionProcess.TASK_DECIDE).singleResult();
        assertThat(task).as("decision task of " + id).isNotNull();
        return task;
    }

    private void decide(String id, String action, String rationale) {
        Task task = task(id);
        identityService.setAuthentication("process-owner", List.of(Roles.PROCESS_OWNERS));
        taskService.claim(task.getId(), "process-owner");
        taskService.complete(task.getId(), Map.of("action", action, "rationale", rationale, "presentsRisk", false));
        identityService.clearAuthentication();
    }

    private Api.Response acknowledge(String token) {
        return api.send("POST", "/acknowledgements/" + token, "application/x-www-form-urlencoded", "");
    }

    private static List<MimeMessage> awaitMails(String subjectPart, int count) {
        return TestMail.await("'" + subjectPart + "'", subject -> subject.contains(subjectPart), count);
    }

    private static void assertBad(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(field);
    }
}
