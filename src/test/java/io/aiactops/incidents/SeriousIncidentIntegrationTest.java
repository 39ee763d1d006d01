package io.aiactops.incidents;

import io.aiactops.support.Await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import jakarta.mail.internet.MimeMessage;

import io.aiactops.calendar.DeadlineWords;
import io.aiactops.platform.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.deployment.ModelVersionActivation;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.registry.ModelVersionStatus;
import io.aiactops.registry.Registry;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Serious incidents end to end on PostgreSQL and GreenMail: intake, classification, the evidence hold,
 * one report per Member State with the hash of its attachment in the register, the operators informed.
 */
@IntegrationTest
class SeriousIncidentIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FilterService filterService;
    @Autowired
    IncidentMetrics metrics;
    @Autowired
    Registry registry;
    @Autowired
    ModelVersionActivation activation;

    Api api;
    String systemId;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "incident");
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void anIncidentInTwoMemberStatesIsReportedToBothAuthoritiesWithTheHashOfEachReportInTheRegister() throws Exception {
        String id = report(incident()).json().get("id").asText();
        assertThat(id).matches("INC-\\d{4}-\\d{5}");
        JsonNode opened = api.as("incident-manager").get("/api/incidents/" + id).json();
        assertThat(opened.get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.get("currentTasks").get(0).get("name").asText()).isEqualTo("Classify incident");
        assertThat(opened.get("currentTasks").get(0).get("tasklistUrl").asText()).startsWith("/camunda/app/tasklist/");

        complete(id, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", true, "harmHealth", true, "causalLink", "suspected",
                "causalLinkAt", Instant.now().minusSeconds(60).toString(), "memberStates", "FR, DE", "regimeGdpr", true));

        JsonNode classified = api.as("incident-manager").get("/api/incidents/" + id).json();
        assertThat(classified.get("outcome").asText()).isEqualTo("REPORTABLE");
        assertThat(classified.get("reportingPeriod").asText()).isEqualTo("73(2) general: 15 days");
        assertThat(classified.get("deadlines")).hasSize(2);
        assertThat(classified.get("deadlines").get(0).get("adjustedEndsAtLocal").asText()).matches(".*T00:00\\+0[12]:00");
        assertThat(classified.get("deadlines").get(0).get("adjustedEndsInWords").asText())
                .matches("end of [A-Z][a-z]+day \\d{1,2} [A-Z][a-z]+ \\d{4}, Europe/(Paris|Berlin) \\(2[23]:00 UTC\\)");
        assertThat(classified.get("timeLeft").asText()).startsWith("P");
        assertThat(classified.get("holds").get(0).get("reference").asText()).isEqualTo(id);
        // The case's hold is released by the case, not by hand through the holds API
        long holdId = classified.get("holds").get(0).get("id").asLong();
        Api.Response byHand = api.as("incident-manager").post("/api/systems/" + systemId + "/holds/" + holdId + "/release",
                Map.of("reason", "We would like to deploy a fix"));
        assertThat(byHand.status()).as(byHand.body()).isEqualTo(409);
        assertThat(byHand.json().get("detail").asText()).contains(id, "Review risk assessment", "Art. 73(6)");
        assertThat(api.as("incident-manager").get("/api/incidents/" + id).json().at("/holds/0/releasedAt").isNull()).isTrue();
        assertThat(classified.get("currentTasks").get(0).get("name").asText()).isEqualTo("Prepare authority report");
        metrics.refresh();
        String scrape = api.as("auditor").get("/actuator/prometheus").body();
        assertThat(scrape).containsPattern("aiact_incidents_open(\\{[^}]*})? [1-9]");
        double hoursLeft = Double.parseDouble(scrape.lines().filter(l -> l.startsWith("aiact_incidents_deadline_hours_left{")
                && l.contains("system=\"" + systemId + "\"")).findFirst().orElseThrow().replaceAll(".* ", ""));
        assertThat(hoursLeft).isBetween(14 * 24.0, 19 * 24.0);

        complete(id, SeriousIncidentProcess.TASK_PREPARE_FIRST_REPORT, Map.of("reportType", "initial",
                "effects", "42 applicants refused", "generalComments", "Initial report; investigation ongoing"));

        Map<String, MimeMessage> byAuthority = new HashMap<>();
        for (MimeMessage mail : awaitMails(id + " — rapport initial", 1)) {
            byAuthority.put(mail.getAllRecipients()[0].toString(), mail);
        }
        for (MimeMessage mail : awaitMails(id + " — Erstmeldung", 1)) {
            byAuthority.put(mail.getAllRecipients()[0].toString(), mail);
        }
        assertThat(byAuthority).containsOnlyKeys("msa-fr@authority.example", "msa-de@authority.example");
        assertThat(TestMail.text(byAuthority.get("msa-fr@authority.example"))).as("the French authority reads French words")
                .contains("Délai de notification dans l'État membre FR : " + deadlineIn(classified, "FR", DeadlineWords.FRENCH) + ".")
                .contains("fin de la journée du ", " UTC)");
        assertThat(TestMail.text(byAuthority.get("msa-de@authority.example"))).as("the German authority reads German words")
                .contains("Meldefrist im Mitgliedstaat DE: " + deadlineIn(classified, "DE", DeadlineWords.GERMAN) + ".")
                .contains("Ende des Tages ", " UTC)");
        JsonNode sent = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=report_sent").json().get("events");
        assertThat(sent).hasSize(2);
        for (JsonNode event : sent) {
            JsonNode payload = event.get("payload");
            MimeMessage mail = byAuthority.get(payload.get("recipient").asText());
            byte[] json = TestMail.attachment(mail, ".json");
            assertThat(Sha256.of(new String(json, java.nio.charset.StandardCharsets.UTF_8)))
                    .isEqualTo(payload.get("sha256").asText());
            assertThat(payload.get("messageId").asText()).isEqualTo(mail.getMessageID());
            JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            assertThat(report.at("/administrative/authority/memberState").asText()).isEqualTo(payload.get("memberState").asText());
            assertThat(report.at("/administrative/reportType").asText()).isEqualTo("initial");
            assertThat(report.at("/incident/personsAffected").asInt()).isEqualTo(42);
            assertThat(new String(TestMail.attachment(mail, ".html"), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("Serious incident report", id);
        }

        List<MimeMessage> informed = awaitMails("Serious incident " + id + " on AI system", 4);
        assertThat(informed).extracting(m -> m.getAllRecipients()[0].toString()).containsExactlyInAnyOrder(
                "ops@bank-a.example", "ops@bank-b.example", "compliance@distributor.example", "representative@eu-rep.example");
        JsonNode reported = awaitCase(id, c -> c.get("notifications").size() == 4
                && StreamSupport.stream(c.get("notifications").spliterator(), false).allMatch(n -> n.hasNonNull("sentAt")));
        assertThat(reported.get("reports")).hasSize(2).allSatisfy(r -> assertThat(r.hasNonNull("sentAt")).isTrue());
        assertThat(reported.has("timeLeft")).isFalse();
        assertThat(reported.get("firstReportSentAt").isNull()).isFalse();
    }

    @Test
    void whileTheHoldIsOnNoModelVersionIsActivatedTheRegisterIsNotPurgedAndClosingReleasesIt() {
        String sha = "a".repeat(64);
        registry.recordRunningVersion(systemId, "1.0.0", "s3://models/1.0.0", sha, Instant.now(), "process-owner");
        registry.registerCandidate(systemId, "1.1.0", "s3://models/1.1.0", "b".repeat(64), "process-owner");
        String id = report(incident()).json().get("id").asText();
        complete(id, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", true, "harmDeath", true, "causalLink", "established",
                "causalLinkAt", Instant.now().minusSeconds(60).toString(), "memberStates", "FR"));
        assertThat(api.as("incident-manager").get("/api/incidents/" + id).json().get("reportingPeriod").asText())
                .isEqualTo("73(4) death: 10 days");

        Api.Response purge = api.as("process-owner").post("/api/systems/" + systemId + "/logs/purge", Map.of());
        assertThat(purge.status()).as(purge.body()).isEqualTo(409);
        assertThat(purge.body()).contains(id);
        assertThatThrownBy(() -> activation.activate(systemId, "1.1.0", "process-owner", "Fix the scoring rule"))
                .isInstanceOf(ConflictException.class).hasMessageContaining(id);
        assertThat(registry.modelVersion(systemId, "1.1.0").status()).isEqualTo(ModelVersionStatus.CANDIDATE);

        complete(id, SeriousIncidentProcess.TASK_PREPARE_FIRST_REPORT, Map.of("reportType", "combined",
                "rootCause", "A rule table from 2019 was still deployed"));
        JsonNode closed = awaitCase(id, c -> c.get("status").asText().equals("CLOSED"));
        assertThat(closed.get("holds").get(0).get("releaseReason").asText()).contains("closed");
        assertThat(api.as("process-owner").post("/api/systems/" + systemId + "/logs/purge", Map.of()).status()).isEqualTo(200);
        assertThat(activation.activate(systemId, "1.1.0", "process-owner", "Fix the scoring rule").status())
                .isEqualTo(ModelVersionStatus.ACTIVE);
    }

    @Test
    void aNonSeriousIncidentIsClosedWithItsRationaleAndNoHold() {
        String id = report(incident()).json().get("id").asText();
        complete(id, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", false, "memberStates", "FR",
                "classificationRationale", "A test transaction, no applicant affected"));

        JsonNode closed = api.as("incident-manager").get("/api/incidents/" + id).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("NOT_REPORTABLE");
        assertThat(closed.get("closeReason").asText()).contains("A test transaction");
        assertThat(closed.get("holds")).isEmpty();
        assertThat(api.as("incident-manager").get("/api/incidents?status=open").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.as("incident-manager").get("/api/incidents?status=closed").json().findValuesAsText("id")).contains(id);
    }

    @Test
    void aSystemUnderASectoralRegimeReportsOnlyFundamentalRightsInfringements() {
        assertThat(api.as("process-owner").patch("/api/systems/" + systemId, Map.of("sectoralRegime", true)).status()).isEqualTo(200);
        String id = report(incident()).json().get("id").asText();
        Map<String, Object> classification = Map.of("serious", true, "harmHealth", true, "causalLink", "suspected",
                "causalLinkAt", Instant.now().toString(), "memberStates", "FR");
        // MDR/IVDR is preselected for such a system, and its clock needs the case of Art. 87.
        assertThatThrownBy(() -> complete(id, SeriousIncidentProcess.TASK_CLASSIFY, classification)).hasMessageContaining("mdrCase");
        assertThat(api.as("incident-manager").get("/api/incidents/" + id).json().hasNonNull("outcome")).isFalse();

        complete(id, SeriousIncidentProcess.TASK_CLASSIFY, with(classification, "mdrCase", "death_or_serious_deterioration"));

        // Not reportable under Art. 73, but the case stays open until its MDR vigilance report is submitted.
        JsonNode waiting = api.as("incident-manager").get("/api/incidents/" + id).json();
        assertThat(waiting.get("outcome").asText()).isEqualTo("NOT_REPORTABLE");
        assertThat(waiting.get("status").asText()).isEqualTo("OPEN");
        complete(id, RegimeReportingProcess.submitTask(io.aiactops.regimes.RegimeStage.MDR_REPORT), Map.of(
                "mdrReportComplete", true, "submittedThroughPortal", true, "portalReference", "EUDAMED-0042",
                "submittedAt", Instant.now().toString()));
        JsonNode closed = awaitCase(id, c -> c.get("status").asText().equals("CLOSED"));
        assertThat(closed.get("closeReason").asText()).contains("sectoral regime");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndOpensNoCase() {
        int before = cases();
        Map<String, Object> incident = incident();
        assertBad(report(without(incident, "description")), "description");
        assertBad(report(with(incident, "memberStates", List.of("FR", "XX"))), "memberStates[1]");
        assertBad(report(with(incident, "memberStates", "FR")), "memberStates");
        assertBad(report(with(incident, "occurredAt", Instant.now().plusSeconds(3600).toString())), "occurredAt");
        assertBad(report(with(incident, "awareAt", Instant.now().plus(Duration.ofDays(1)).toString())), "awareAt");
        assertBad(report(with(incident, "occurredAt", "yesterday")), "occurredAt");
        assertBad(report(with(incident, "aiSystemId", "no-such-system")), "aiSystemId");
        assertBad(report(with(incident, "personsAffected", -1)), "personsAffected");
        assertBad(report(with(incident, "personsAffected", 2.5)), "personsAffected");
        assertBad(report(with(incident, "severity", "high")), "severity");
        assertThat(api.as("auditor").post("/api/incidents", incident).status()).isEqualTo(403);
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aRegimeWhoseClockCouldNotRunIsRefusedInTheClassificationNamingTheFieldAndNothingIsRecorded() {
        String id = report(incident()).json().get("id").asText();
        Map<String, Object> classification = Map.of("serious", true, "harmHealth", true, "causalLink", "suspected",
                "causalLinkAt", Instant.now().minusSeconds(60).toString(), "memberStates", "FR");
        JsonNode before = api.as("incident-manager").get("/api/incidents/" + id).json();
        String awareAt = before.get("awareAt").asText();

        assertThatThrownBy(() -> complete(id, SeriousIncidentProcess.TASK_CLASSIFY, with(with(classification, "doraApplies", true),
                "doraClassifiedAt", Instant.parse(awareAt).minusSeconds(3600).toString())))
                .hasMessageContaining("doraClassifiedAt").hasMessageContaining("cannot be before awareness");
        assertThatThrownBy(() -> complete(id, SeriousIncidentProcess.TASK_CLASSIFY, with(with(classification, "gdprApplies", true),
                "memberStates", "FR, IT"))).hasMessageContaining("set aiact.regimes.gdpr.IT.email");

        JsonNode unchanged = api.as("incident-manager").get("/api/incidents/" + id).json();
        assertThat(unchanged.hasNonNull("outcome")).isFalse();
        assertThat(unchanged.get("memberStates")).isEqualTo(before.get("memberStates"));
        assertThat(unchanged.get("currentTasks").get(0).get("name").asText()).isEqualTo("Classify incident");
    }

    @Test
    void aDeployersClientReportRecordsThatTheProviderWasInformedFirst() {
        String client = TestSystems.uniqueId("deployer-client");
        User user = identityService.newUser(client);
        user.setPassword("secret-" + client);
        identityService.saveUser(user);
        identityService.createMembership(client, Roles.DEPLOYERS);

        Api.Response created = api.as(client, "secret-" + client).post("/api/incidents", incident());
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode incident = api.as("incident-manager").get("/api/incidents/" + created.json().get("id").asText()).json();
        assertThat(incident.hasNonNull("providerInformedAt")).isTrue();
        JsonNode opened = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=incident").json().get("events").get(0);
        assertThat(opened.at("/payload/providerInformedAt").asText()).isEqualTo(incident.get("providerInformedAt").asText());
    }

    @Test
    void anOverseersDecisionOnAMonitoringAlertOpensACaseForTheIncidentManagers() {
        Api.Response breach = api.as("ingest").post("/api/systems/" + systemId + "/signals", Map.of("metric", "accuracy",
                "category", "performance", "value", 0.5, "observedAt", Instant.now().toString()));
        assertThat(breach.status()).as(breach.body()).isEqualTo(202);
        Task review = taskService.createTaskQuery()
                .processInstanceId(breach.json().get("breaches").get(0).get("reviewId").asText()).singleResult();

        identityService.setAuthentication("overseer", List.of(Roles.OVERSEERS));
        taskService.claim(review.getId(), "overseer");
        taskService.complete(review.getId(), Map.of("decision", "report_incident",
                "decisionReason", "Every applicant of one region refused since this morning"));
        identityService.clearAuthentication();

        JsonNode opened = StreamSupport.stream(api.as("incident-manager").get("/api/incidents?status=open").json().spliterator(), false)
                .filter(c -> c.get("aiSystemId").asText().equals(systemId)).findFirst().orElseThrow();
        assertThat(opened.get("origin").asText()).isEqualTo("oversight_review");
        assertThat(opened.get("reporter").asText()).isEqualTo("overseer");
        assertThat(opened.get("description").asText()).contains("accuracy", "Every applicant of one region refused");
        assertThat(opened.get("memberStates")).extracting(JsonNode::asText).containsExactly("DE", "FR");
        assertThat(opened.get("currentTasks").get(0).get("name").asText()).isEqualTo("Classify incident");
    }

    @Test
    void theTasklistStartFormOpensACaseInTheNameOfTheUserWhoStartedIt() {
        identityService.setAuthentication("overseer", List.of(Roles.OVERSEERS));
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(SeriousIncidentProcess.KEY)
                .latestVersion().singleResult().getId();
        var started = formService.submitStartForm(definition, Map.of("aiSystemId", systemId,
                "description", "Scores for a whole branch were inverted", "occurredAt", "2026-11-20T10:00:00+01:00",
                "memberStates", "fr", "personsAffected", 12L));

        String id = started.getBusinessKey();
        JsonNode incident = api.as("incident-manager").get("/api/incidents/" + id).json();
        assertThat(incident.get("reporter").asText()).isEqualTo("overseer");
        assertThat(incident.get("reporterContact").asText()).isEqualTo("overseer@aiact-ops.example");
        assertThat(incident.get("origin").asText()).isEqualTo("tasklist");
        assertThat(incident.get("memberStates").get(0).asText()).isEqualTo("FR");
    }

    @Test
    void theTasklistFilterShowsIncidentTasksDueWithin48Hours() {
        Map<String, Object> urgent = with(incident(), "awareAt", Instant.now().minus(Duration.ofDays(1)).toString());
        String soon = report(urgent).json().get("id").asText();
        String later = report(incident()).json().get("id").asText();
        complete(later, SeriousIncidentProcess.TASK_CLASSIFY, Map.of("serious", true, "harmProperty", true,
                "causalLink", "suspected", "causalLinkAt", Instant.now().toString(), "memberStates", "FR"));
        String filterId = filterService.createFilterQuery().filterName("Incidents due within 48 h").singleResult().getId();

        identityService.setAuthentication("incident-manager", List.of(Roles.INCIDENT_MANAGERS));
        List<Task> due = filterService.list(filterId);

        assertThat(due).extracting(Task::getProcessInstanceId).contains(processOf(soon)).doesNotContain(processOf(later));
    }

    private String processOf(String caseId) {
        return api.as("incident-manager").get("/api/incidents/" + caseId).json().get("processInstanceId").asText();
    }

    private Map<String, Object> incident() {
        Map<String, Object> body = new HashMap<>();
        body.put("aiSystemId", systemId);
        body.put("description", "Applicants over 60 were refused credit by an outdated scoring rule");
        body.put("occurredAt", Instant.now().minus(Duration.ofDays(1)).toString());
        body.put("reporter", "Claire Martin, branch Lyon");
        body.put("reporterContact", "claire.martin@bank-a.example");
        body.put("memberStates", List.of("FR", "DE"));
        body.put("personsAffected", 42);
        body.put("deployerReference", "BANK-A-77");
        return body;
    }

    private Api.Response report(Map<String, Object> body) {
        return api.as("incident-manager").post("/api/incidents", body);
    }

    private int cases() {
        return api.as("incident-manager").get("/api/incidents").json().size();
    }

    private void complete(String caseId, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey + " of " + caseId).isNotNull();
        identityService.setAuthentication("incident-manager", List.of(Roles.INCIDENT_MANAGERS));
        taskService.claim(task.getId(), "incident-manager");
        taskService.complete(task.getId(), variables);
        identityService.clearAuthentication();
    }

    private JsonNode awaitCase(String id, java.util.function.Predicate<JsonNode> condition) {
        return Await.until("case " + id + " in the expected state", Duration.ofSeconds(30),
                () -> api.as("incident-manager").get("/api/incidents/" + id).json(), condition);
    }

    private static List<MimeMessage> awaitMails(String subjectPart, int count) {
        List<MimeMessage> found = TestMail.await("'" + subjectPart + "'", subject -> subject.contains(subjectPart), count);
        assertThat(found).hasSize(count);
        return found;
    }

    /** The Member State's adjusted deadline, as the API gives it, in the given language's words. */
    private static String deadlineIn(JsonNode incident, String memberState, DeadlineWords language) {
        JsonNode deadline = StreamSupport.stream(incident.get("deadlines").spliterator(), false)
                .filter(d -> memberState.equals(d.get("memberState").asText())).findFirst().orElseThrow();
        return language.of(Instant.parse(deadline.get("adjustedEndsAt").asText()), ZoneId.of(deadline.get("timeZone").asText()));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.remove(field);
        return changed;
    }

    private static void assertBad(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(field);
    }
}
