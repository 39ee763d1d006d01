package io.aiactops.platform;

import io.aiactops.support.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.EngineRestTasks;
import io.aiactops.support.FakeSmtp;
import io.aiactops.support.JobQueue;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP server fails while an authority report and an escalation mail are due. The app runs as its
 * own JVM on its own SMTP server ({@link FakeSmtp}), so the shared GreenMail is never stopped.
 *
 * <ol>
 * <li>A serious incident in DE and FR: the DE authority's mail goes (reports go in member-state order),
 * the FR authority's address is refused, so the async {@code Task_SendFirstReport} job fails after DE was marked sent; its next try
 * is due per its retry cycle (R5/PT5M).</li>
 * <li>The SMTP server goes down; a critical oversight review falls overdue and its escalation job
 * ({@code Task_EscalateOverdueReview}, R5/PT5M) fails too.</li>
 * <li>Both jobs are run down through engine-rest (as an operator would, instead of waiting 5 x 5 min)
 * until their retries are out: each is a Camunda {@code failedJob} incident, as Cockpit shows it.</li>
 * <li>The server comes back, the retries are set to 1 (as an operator does in Cockpit) and the jobs run:
 * FR and the escalation are delivered once, DE is not sent again, the incidents are resolved.</li>
 * </ol>
 */
class MailOutageIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(MailOutageIntegrationTest.class);
    private static final String FR = "msa-fr@outage.example";
    private static final String DE = "msa-de@outage.example";
    private static final String IM = "outage-im";
    private static final String IM_MAIL = "im@outage.example";
    private static final String IM_PASSWORD = "outage-im-secret";
    /** The German authority's subject names an initial report "Erstmeldung" (AuthorityMail). */
    private static final String REPORT = "Erstmeldung";
    private static final String ESCALATION = "not reviewed in time: accuracy";

    @Test
    void failedMailsAreRetriedBecomeIncidentsAndAreDeliveredOnceWhenTheServerReturns() throws Exception {
        String url = TestPostgres.newDatabase("mailoutage");
        try (FakeSmtp smtp = FakeSmtp.start();
                AppProcess app = ProductionApp.start(url, "--spring.mail.port=" + smtp.port(),
                        "--aiact.authorities.DE.email=" + DE, "--aiact.authorities.DE.name=MSA DE (outage test)",
                        "--aiact.authorities.FR.email=" + FR, "--aiact.authorities.FR.name=MSA FR (outage test)",
                        "--aiact.oversight.critical-review-due=PT5S")) {
            Api admin = ProductionApp.admin(app);
            ProductionApp.createUser(admin, IM, IM_PASSWORD, "incident-managers", IM_MAIL);
            Api im = Api.anonymous(app.port()).as(IM, IM_PASSWORD);
            String systemId = TestSystems.uniqueId("mailoutage");
            assertThat(admin.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);

            // 1. A serious incident in DE and FR; the FR authority's address is refused by the SMTP server.
            smtp.refuse(FR);
            Api.Response opened = im.post("/api/incidents", Map.of("aiSystemId", systemId,
                    "description", "Mail outage test incident", "occurredAt", Instant.now().minusSeconds(600).toString(),
                    "reporter", "outage test", "reporterContact", IM_MAIL, "memberStates", List.of("DE", "FR"),
                    "personsAffected", 3));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            String caseId = opened.json().get("id").asText();
            String incidentProcess = admin.get("/engine-rest/process-instance?businessKey=" + caseId).json().get(0)
                    .get("id").asText();
            EngineRestTasks.complete(im, incidentProcess, "Task_ClassifyIncident", IM, Map.of("serious", true,
                    "harmHealth", true, "causalLink", "suspected", "causalLinkAt", Instant.now().minusSeconds(60).toString(),
                    "memberStates", "DE, FR", "regimeGdpr", false));
            EngineRestTasks.complete(im, incidentProcess, "Task_PrepareFirstReport", IM, Map.of(
                    "reportType", "initial", "effects", "3 persons affected", "generalComments", "Initial report during a mail outage"));

            JsonNode reportJob = await("the report job fails on FR", () -> failedJob(admin, incidentProcess,
                    "Task_SendFirstReport"));
            assertThat(smtp.count(DE, caseId + " — " + REPORT)).as("DE delivered; received %s; job %s", smtp.received(), reportJob).isEqualTo(1);
            assertThat(smtp.count(FR, caseId)).as("FR refused").isZero();
            int retriesAfterFirstFailure = reportJob.get("retries").asInt();
            Duration nextTry = Duration.between(Instant.now(), OffsetDateTime.parse(reportJob.get("dueDate").asText(),
                    ENGINE_DATE).toInstant());
            assertThat(nextTry).as("next try of the report job, per R5/PT5M").isBetween(Duration.ofMinutes(4),
                    Duration.ofMinutes(5).plusSeconds(5));

            // 2. The SMTP server goes down; a critical review falls overdue, its escalation fails.
            smtp.down();
            Api.Response breach = admin.post("/api/systems/" + systemId + "/signals", Map.of("metric", "accuracy",
                    "category", "performance", "value", 0.70, "observedAt", Instant.now().toString()));
            assertThat(breach.status()).as(breach.body()).isEqualTo(202);
            String review = breach.json().get("breaches").get(0).get("reviewId").asText();
            JsonNode escalationJob = await("the escalation job fails", () -> failedJob(admin, review,
                    "Task_EscalateOverdueReview"));
            int escalationRetriesAfterFirstFailure = escalationJob.get("retries").asInt();
            Duration escalationNextTry = Duration.between(Instant.now(), OffsetDateTime.parse(
                    escalationJob.get("dueDate").asText(), ENGINE_DATE).toInstant());
            assertThat(escalationNextTry).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5).plusSeconds(5));

            // 3. Both run down to a Cockpit incident, through engine-rest instead of waiting 5 x 5 min.
            Map<String, JsonNode> jobs = new LinkedHashMap<>();
            jobs.put("Task_SendFirstReport", reportJob);
            jobs.put("Task_EscalateOverdueReview", escalationJob);
            Map<String, Integer> attempts = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> job : jobs.entrySet()) {
                String jobId = job.getValue().get("id").asText();
                int tries = 1;
                while (admin.get("/engine-rest/job/" + jobId).json().get("retries").asInt() > 0) {
                    Api.Response executed = admin.post("/engine-rest/job/" + jobId + "/execute", Map.of());
                    assertThat(executed.status()).as("%s: %s", job.getKey(), executed.body()).isBetween(400, 599);
                    tries++;
                    assertThat(tries).as("attempts of %s", job.getKey()).isLessThanOrEqualTo(10);
                }
                attempts.put(job.getKey(), tries);
            }
            JsonNode incidents = admin.get("/engine-rest/incident?incidentType=failedJob").json();
            assertThat(incidents).extracting(i -> i.get("activityId").asText())
                    .containsExactlyInAnyOrder("Task_SendFirstReport", "Task_EscalateOverdueReview");
            assertThat(incidents).allSatisfy(i -> assertThat(i.get("incidentMessage").asText()).isNotBlank());
            assertThat(smtp.count(DE, caseId)).as("DE not sent again by the retries").isEqualTo(1);
            assertThat(smtp.count(FR, caseId) + smtp.count(IM_MAIL, ESCALATION)).isZero();

            // 4. The server is back; "Increment retries" in Cockpit; the jobs run and deliver.
            smtp.accept(FR);
            smtp.up();
            for (JsonNode job : jobs.values()) {
                String jobId = job.get("id").asText();
                Api.Response retried = admin.send("PUT", "/engine-rest/job/" + jobId + "/retries", "application/json",
                        "{\"retries\":1}");
                assertThat(retried.status()).as(retried.body()).isEqualTo(204);
                JsonNode pending = admin.get("/engine-rest/job/" + jobId).json();
                if (pending.hasNonNull("dueDate") && OffsetDateTime.parse(pending.get("dueDate").asText(), ENGINE_DATE)
                        .toInstant().isAfter(Instant.now().plusSeconds(10))) {
                    // Not due for minutes (the last failure set that): run it now instead of waiting.
                    Api.Response executed = admin.post("/engine-rest/job/" + jobId + "/execute", Map.of());
                    assertThat(executed.status()).as(executed.body()).isEqualTo(204);
                }
            }
            await("FR and the escalation delivered", () -> smtp.count(FR, caseId) == 1
                    && smtp.count(IM_MAIL, ESCALATION) == 1 ? Boolean.TRUE : null);
            await("the incidents resolved", () -> admin.get("/engine-rest/incident?incidentType=failedJob").json()
                    .isEmpty() ? Boolean.TRUE : null);
            JsonNode reported = await("both reports marked sent", () -> {
                JsonNode c = im.get("/api/incidents/" + caseId).json();
                return c.get("reports").size() == 2 && c.get("reports").get(0).hasNonNull("sentAt")
                        && c.get("reports").get(1).hasNonNull("sentAt") ? c : null;
            });
            JobQueue.awaitIdle(admin, Duration.ofSeconds(60));
            assertThat(smtp.count(DE, caseId)).as("DE once in all").isEqualTo(1);
            assertThat(smtp.count(FR, caseId)).as("FR once in all").isEqualTo(1);
            assertThat(smtp.count(IM_MAIL, ESCALATION)).as("escalation once in all").isEqualTo(1);
            JsonNode sentEvents = admin.get("/api/systems/" + systemId + "/logs?type=report_sent").json().get("events");
            assertThat(sentEvents).hasSize(2);

            log.info("RELIABILITY mail outage: report job of {} failed on FR after DE went (retries left {}, next try in"
                    + " {} s); escalation job failed with the server down (retries left {}, next try in {} s); attempts"
                    + " until incident: {}; Cockpit incidents: {}; after the server returned and retries were set to 1:"
                    + " DE {} mail, FR {} mail, escalation {} mail, {} report_sent events, {} reports marked sent,"
                    + " 0 incidents open", caseId, retriesAfterFirstFailure, nextTry.toSeconds(),
                    escalationRetriesAfterFirstFailure, escalationNextTry.toSeconds(), attempts, incidents.size(),
                    smtp.count(DE, caseId), smtp.count(FR, caseId), smtp.count(IM_MAIL, ESCALATION), sentEvents.size(),
                    reported.get("reports").size());
        }
    }

    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** The job of this activity once it has failed at least once. */
    private static JsonNode failedJob(Api api, String processInstance, String activity) {
        JsonNode jobs = api.get("/engine-rest/job?processInstanceId=" + processInstance + "&activityId=" + activity)
                .json();
        return jobs.size() == 1 && jobs.get(0).hasNonNull("exceptionMessage") ? jobs.get(0) : null;
    }

    private static <T> T await(String what, Supplier<T> probe) {
        return Await.until(what, Duration.ofSeconds(60), probe::get, java.util.Objects::nonNull);
    }
}
