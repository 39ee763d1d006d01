package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.Sha256;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.regimes.RegimeStage;
import io.aiactops.support.Api;
import io.aiactops.support.Await;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One incident under the AI Act, GDPR and DORA on PostgreSQL and GreenMail: each stage's report goes to its
 * own regime's recipient in each Member State with its hash in the register, bad stage input is refused with
 * nothing recorded, and the case does not close while the DORA final report is pending.
 */
@IntegrationTest
class RegimeReportingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    IncidentCases cases;
    @Autowired
    IncidentMetrics metrics;
    @Autowired
    FilterService filterService;
    @Autowired
    ManagementService managementService;

    Api api;
    String systemId;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "regimes");
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void anIncidentUnderTheAiActGdprAndDoraSendsEachStageToItsOwnRecipientsAndClosesOnlyAfterTheDoraFinalReport()
            throws Exception {
        String id = api.as("incident-manager").post("/api/incidents", incident()).json().get("id").asText();
        complete(id, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", true, "harmFundamentalRights", true,
                "causalLink", "established", "causalLinkAt", Instant.now().toString(), "memberStates", "FR, DE",
                "gdprApplies", true, "doraApplies", true, "doraClassifiedAt", Instant.now().toString()));

        metrics.refresh();
        String scrape = api.as("auditor").get("/actuator/prometheus").body();
        assertThat(scrape).containsPattern("aiact_incident_stage_hours_left\\{[^}]*regime=\"dora\",stage=\"dora_initial\"} [0-3]\\.")
                .containsPattern("aiact_incident_stage_hours_left\\{[^}]*regime=\"gdpr\",stage=\"gdpr_notification\"} [67]\\d\\.");

        complete(id, SeriousIncidentProcess.TASK_PREPARE_FIRST_REPORT, Map.of("reportType", "combined",
                "rootCause", "A corrupted data feed"));
        // The Art. 73 covering mail is in each authority's language; every subject has "Art. 73) <case>".
        assertThat(awaitMails("73) " + id, 2)).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("msa-fr@authority.example", "msa-de@authority.example");

        String gdprTask = RegimeReportingProcess.submitTask(RegimeStage.GDPR_NOTIFICATION);
        complete(id, gdprTask, Map.of("notificationNeeded", true, "reportSummary", "Credit scores of 42 applicants exposed",
                "impact", "Wrong refusals", "measuresTaken", "Feed restored", "contact", "dpo@bank-a.example"));
        assertRegimeMails("GDPR notification of the supervisory authority: incident " + id, "gdpr",
                "dpa-fr@authority.example", "dpa-de@authority.example");
        complete(id, RegimeReportingProcess.TASK_DECIDE_GDPR_DATA_SUBJECTS, Map.of("dataSubjectsTold", true));

        complete(id, RegimeReportingProcess.submitTask(RegimeStage.DORA_INITIAL), Map.of("reportSummary", "Scoring feed corrupted",
                "classificationCriteria", "clients affected, reputational impact"));
        assertRegimeMails("DORA initial notification: incident " + id, "dora", "fin-fr@authority.example", "fin-de@authority.example");
        JsonNode dora = Await.until("DORA's intermediate clock", Duration.ofSeconds(30), () -> regime(incidentCase(id), "dora"),
                r -> r.get("stages").get(1).hasNonNull("dueAt"));
        Instant initialAt = Instant.parse(dora.get("stages").get(0).get("submittedAt").asText());
        assertThat(dora.get("stages").get(0).get("late").asBoolean()).isFalse();
        assertThat(Instant.parse(dora.get("stages").get(1).get("dueAt").asText())).isEqualTo(initialAt.plus(Duration.ofHours(72)));
        assertThat(dora.get("stages").get(1).get("dueAtLocal").asText()).matches(".*\\+0[12]:00");
        assertThat(dora.get("stages").get(2).get("clock").asText()).isEqualTo("waiting");
        assertThat(regime(incidentCase(id), "gdpr").get("status").asText()).isEqualTo("finished");
        complete(id, RegimeReportingProcess.submitTask(RegimeStage.DORA_INTERMEDIATE), Map.of("reportSummary", "Recovered"));
        assertRegimeMails("DORA intermediate report: incident " + id, "dora", "fin-fr@authority.example", "fin-de@authority.example");

        // Everything else is done: the case waits for the DORA final report and refuses to close without it.
        Await.until("the case waiting for DORA", Duration.ofSeconds(30),
                () -> taskService.createTaskQuery().processInstanceBusinessKey(id).list(),
                tasks -> tasks.size() == 1 && tasks.get(0).getTaskDefinitionKey()
                        .equals(RegimeReportingProcess.submitTask(RegimeStage.DORA_FINAL)));
        assertThatThrownBy(() -> cases.close(id, "done", "incident-manager")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("DORA");
        assertThat(incidentCase(id).get("status").asText()).isEqualTo("OPEN");

        complete(id, RegimeReportingProcess.submitTask(RegimeStage.DORA_FINAL), Map.of("reportSummary", "Closed out",
                "rootCause", "A corrupted data feed"));
        assertRegimeMails("DORA final report: incident " + id, "dora", "fin-fr@authority.example", "fin-de@authority.example");
        JsonNode closed = Await.until("case " + id + " closed", Duration.ofSeconds(30), () -> incidentCase(id),
                c -> c.get("status").asText().equals("CLOSED"));
        assertThat(closed.get("closeReason").asText()).contains("final report");
        JsonNode events = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=incident").json().get("events");
        assertThat(events.findValuesAsText("event")).contains("regime_started", "regime_stage_recorded", "regime_finished");
    }

    @Test
    void theBoardOrdersCasesByTheNearestStageOfAnyRegimeAndAWaivedRegimeLetsTheCaseClose() {
        String aiActOnly = api.as("incident-manager").post("/api/incidents", incident()).json().get("id").asText();
        complete(aiActOnly, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", true, "harmProperty", true,
                "causalLink", "suspected", "causalLinkAt", Instant.now().toString(), "memberStates", "FR"));
        String dora = api.as("incident-manager").post("/api/incidents", incident()).json().get("id").asText();
        complete(dora, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", false, "memberStates", "FR",
                "classificationRationale", "No harm under the AI Act", "doraApplies", true,
                "doraClassifiedAt", Instant.now().toString()));

        List<String> order = api.as("incident-manager").get("/api/incidents?status=open").json().findValuesAsText("id");
        assertThat(order.indexOf(dora)).as(order.toString()).isNotNegative().isLessThan(order.indexOf(aiActOnly));
        JsonNode next = incidentCase(dora).get("nextDeadline");
        assertThat(next.get("regime").asText()).isEqualTo("dora");
        assertThat(next.get("stage").asText()).isEqualTo("initial notification");
        assertThat(incidentCase(aiActOnly).at("/nextDeadline/regime").asText()).isEqualTo("ai_act");
        assertThat(incidentCase(dora).get("currentTasks")).extracting(t -> t.get("name").asText())
                .containsExactly("Send the DORA initial notification");

        String filterId = filterService.createFilterQuery().filterName("Incidents due within 48 h").singleResult().getId();
        identityService.setAuthentication("incident-manager", List.of(Roles.INCIDENT_MANAGERS));
        List<Task> due = filterService.list(filterId);
        identityService.clearAuthentication();
        assertThat(due).filteredOn(t -> t.getTaskDefinitionKey().equals(RegimeReportingProcess.submitTask(RegimeStage.DORA_INITIAL)))
                .extracting(Task::getProcessInstanceId).contains(taskService.createTaskQuery().processInstanceBusinessKey(dora)
                        .taskDefinitionKey(RegimeReportingProcess.submitTask(RegimeStage.DORA_INITIAL)).singleResult()
                        .getProcessInstanceId());

        Api.Response refused = api.as("incident-manager").post("/api/incidents/" + dora + "/regimes/dora/waiver", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("reason");
        Api.Response waived = api.as("incident-manager").post("/api/incidents/" + dora + "/regimes/DORA/waiver",
                Map.of("reason", "The supervisor confirmed the incident is not major"));
        assertThat(waived.status()).as(waived.body()).isEqualTo(200);
        JsonNode closed = Await.until("case " + dora + " closed", Duration.ofSeconds(30), () -> incidentCase(dora),
                c -> c.get("status").asText().equals("CLOSED"));
        assertThat(regime(closed, "dora").get("waiveReason").asText()).contains("not major");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(dora).count()).as("the waived stage's task is gone").isZero();
    }

    @Test
    void aRegimeAddedLaterInTheCaseStartsItsStagesAndBadOnesAreRefusedNamingTheField() {
        String id = api.as("incident-manager").post("/api/incidents", incident()).json().get("id").asText();
        complete(id, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", true, "harmProperty", true,
                "causalLink", "suspected", "causalLinkAt", Instant.now().toString(), "memberStates", "FR"));
        String path = "/api/incidents/" + id + "/regimes";

        assertBad(api.as("incident-manager").post(path, Map.of("regime", "hipaa")), "regime");
        assertBad(api.as("incident-manager").post(path, Map.of("regime", "mdr")), "mdrCase");
        assertBad(api.as("incident-manager").post(path, Map.of("regime", "dora")), "doraClassifiedAt");
        assertBad(api.as("incident-manager").post(path, Map.of("regime", "nis2", "nis2TrustService", "yes")), "nis2TrustService");
        assertThat(incidentCase(id).get("regimes")).isEmpty();

        Api.Response added = api.as("incident-manager").post(path, Map.of("regime", "nis2"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(regime(added.json(), "nis2").get("status").asText()).isEqualTo("running");
        assertThat(added.json().get("currentTasks")).extracting(t -> t.get("name").asText()).contains("Send the NIS2 early warning");
        assertThat(api.as("incident-manager").post(path, Map.of("regime", "nis2")).status()).isEqualTo(409);
        assertThat(api.as("auditor").post(path, Map.of("regime", "gdpr")).status()).isEqualTo(403);
    }

    private static void assertBad(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(field);
    }

    private static JsonNode regime(JsonNode incident, String regime) {
        return StreamSupport.stream(incident.get("regimes").spliterator(), false)
                .filter(r -> r.get("regime").asText().equals(regime)).findFirst().orElseThrow();
    }

    @Test
    void aStageSubmittedInTheFutureOrThroughThePortalWithoutReferenceIsRefusedAndNothingIsRecorded() {
        String id = api.as("incident-manager").post("/api/incidents", incident()).json().get("id").asText();
        complete(id, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", false, "memberStates", "FR",
                "classificationRationale", "No harm under the AI Act", "gdprApplies", true));
        String gdprTask = RegimeReportingProcess.submitTask(RegimeStage.GDPR_NOTIFICATION);
        int eventsBefore = incidentEvents();

        assertThatThrownBy(() -> complete(id, gdprTask, Map.of("submittedThroughPortal", true,
                "submittedAt", Instant.now().toString()))).hasMessageContaining("portalReference");
        assertThatThrownBy(() -> complete(id, gdprTask, Map.of("submittedThroughPortal", true, "portalReference", "CNIL-88",
                "submittedAt", Instant.now().plus(Duration.ofHours(2)).toString())))
                .hasMessageContaining("submittedAt").hasMessageContaining("future");
        assertThat(incidentEvents()).isEqualTo(eventsBefore);

        complete(id, gdprTask, Map.of("submittedThroughPortal", true, "portalReference", "CNIL-88",
                "submittedAt", Instant.now().toString()));
        assertThat(incidentEvents()).isEqualTo(eventsBefore + 1);
        assertThat(TestMail.received(subject -> subject.contains("GDPR") && subject.contains(id))).isEmpty();
    }

    @Test
    void aLateNotificationNeedsTheReasonsForTheDelayAndIsRecordedAsLate() throws Exception {
        Map<String, Object> body = incident();
        body.put("occurredAt", Instant.now().minus(Duration.ofDays(5)).toString());
        body.put("awareAt", Instant.now().minus(Duration.ofDays(4)).toString());
        String id = api.as("incident-manager").post("/api/incidents", body).json().get("id").asText();
        complete(id, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", false, "memberStates", "FR",
                "classificationRationale", "No harm under the AI Act", "gdprApplies", true));
        String gdprTask = RegimeReportingProcess.submitTask(RegimeStage.GDPR_NOTIFICATION);
        Map<String, Object> notification = Map.of("notificationNeeded", true, "reportSummary", "Scores exposed");
        // Its reminder and escalation are already due: let them run first, as they would have days ago.
        String gdprInstance = Await.until(gdprTask + " of " + id, Duration.ofSeconds(30), () -> taskService.createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey(gdprTask).singleResult(), t -> t != null).getProcessInstanceId();
        Await.until("the overdue notification's timers ran", Duration.ofSeconds(30),
                () -> managementService.createJobQuery().processInstanceId(gdprInstance).count() == 0);
        List<MimeMessage> escalations = TestMail.await("the escalation",
                subject -> subject.contains("DEADLINE MISSED: GDPR") && subject.contains(id), 1);
        assertThat(TestMail.text(escalations.get(0))).as("the deadline in the Member State's local time")
                .containsPattern("Deadline: .*, Europe/Paris \\(.* UTC\\), the deadline in FR");

        assertThatThrownBy(() -> complete(id, gdprTask, notification)).hasMessageContaining("delayReasons")
                .hasMessageContaining("after its deadline");
        Map<String, Object> withReasons = new HashMap<>(notification);
        withReasons.put("delayReasons", "The breach was found in a log review four days later");
        complete(id, gdprTask, withReasons);

        JsonNode stage = regime(incidentCase(id), "gdpr").get("stages").get(0);
        assertThat(stage.get("late").asBoolean()).isTrue();
        assertThat(stage.get("outcome").asText()).isEqualTo("submitted");
        MimeMessage mail = awaitMails("GDPR notification of the supervisory authority: incident " + id, 1).get(0);
        JsonNode report = new ObjectMapper().readTree(TestMail.attachment(mail, ".json"));
        assertThat(report.at("/clock/late").asBoolean()).isTrue();
        assertThat(report.at("/clock/delayReasons").asText()).contains("log review");
    }

    private int incidentEvents() {
        return api.as("auditor").get("/api/systems/" + systemId + "/logs?type=incident").json().get("events").size();
    }

    /** Each recipient got the stage's report, and the register holds the SHA-256 of the JSON attached to it. */
    private void assertRegimeMails(String subject, String regime, String... recipients) throws Exception {
        List<MimeMessage> mails = awaitMails(subject, recipients.length);
        assertThat(mails).extracting(m -> m.getAllRecipients()[0].toString()).containsExactlyInAnyOrder(recipients);
        JsonNode sent = Await.until("report_sent events of " + subject, Duration.ofSeconds(30),
                () -> api.as("auditor").get("/api/systems/" + systemId + "/logs?type=report_sent").json().get("events"),
                events -> StreamSupport.stream(events.spliterator(), false)
                        .filter(e -> mails.stream().anyMatch(m -> messageId(m).equals(e.at("/payload/messageId").asText())))
                        .count() == recipients.length);
        for (MimeMessage mail : mails) {
            JsonNode payload = StreamSupport.stream(sent.spliterator(), false).map(e -> e.get("payload"))
                    .filter(p -> p.get("messageId").asText().equals(messageId(mail))).findFirst().orElseThrow();
            byte[] json = TestMail.attachment(mail, ".json");
            assertThat(Sha256.of(new String(json, StandardCharsets.UTF_8))).isEqualTo(payload.get("sha256").asText());
            assertThat(payload.get("regime").asText()).isEqualTo(regime);
            JsonNode report = new ObjectMapper().readTree(json);
            assertThat(report.get("regime").asText()).isEqualTo(regime);
            assertThat(report.at("/recipient/email").asText()).isEqualTo(mail.getAllRecipients()[0].toString());
            assertThat(new String(TestMail.attachment(mail, ".html"), StandardCharsets.UTF_8)).contains(report.get("stageTitle").asText());
        }
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode incidentCase(String id) {
        return api.as("incident-manager").get("/api/incidents/" + id).json();
    }

    private Map<String, Object> incident() {
        Map<String, Object> body = new HashMap<>();
        body.put("aiSystemId", systemId);
        body.put("description", "A corrupted data feed made the scoring model refuse applicants");
        body.put("occurredAt", Instant.now().minus(Duration.ofHours(2)).toString());
        body.put("reporter", "Claire Martin, branch Lyon");
        body.put("reporterContact", "claire.martin@bank-a.example");
        body.put("memberStates", List.of("FR", "DE"));
        body.put("personsAffected", 42);
        return body;
    }

    private void complete(String caseId, String taskKey, Map<String, Object> variables) {
        Task task = Await.until(taskKey + " of " + caseId, Duration.ofSeconds(30), () -> taskService.createTaskQuery()
                .processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey).singleResult(), t -> t != null);
        identityService.setAuthentication("incident-manager", List.of(Roles.INCIDENT_MANAGERS));
        try {
            taskService.claim(task.getId(), "incident-manager");
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static List<MimeMessage> awaitMails(String subjectPart, int count) {
        List<MimeMessage> found = TestMail.await("'" + subjectPart + "'", subject -> subject.contains(subjectPart), count);
        assertThat(found).hasSize(count);
        return found;
    }
}
