package io.aiactops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import io.aiactops.support.Api;
import io.aiactops.support.EngineRestTasks;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.SingleSignOnRun;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestOidcProvider;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production profile with single sign-on against a real provider: machine clients present its
 * JWT access tokens to /api and /engine-rest, mapped groups decide as Basic users' groups do, local
 * service accounts still log in with Basic, and escalations reach the groups' mailboxes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnIntegrationTest {

    /** The incident managers' shared mailbox: under single sign-on the identity tables know none of them. */
    private static final String INCIDENT_MANAGERS_MAILBOX = "incident-desk@sso.example";

    private static SingleSignOnRun run;
    private static Api api;

    @BeforeAll
    static void startProviderAndApp() {
        // Due at once: a critical review's escalation after 5 s, an Art. 73 reminder "30 days before" a 15-day deadline.
        run = SingleSignOnRun.start("sso_api", "--aiact.oversight.critical-review-due=PT5S",
                "--aiact.incidents.reminders.second-before-deadline=30d",
                "--aiact.notification.group-mailboxes.incident-managers=" + INCIDENT_MANAGERS_MAILBOX);
        api = run.api();
    }

    @AfterAll
    static void stop() {
        run.close();
    }

    @Test
    void aClientCredentialsTokenOfTheIngestGroupGetsThroughAndIsRefusedAWriteItMayNotDo() {
        Api admin = api.as(ProductionApp.ADMIN, ProductionApp.ADMIN_PASSWORD);
        String systemId = TestSystems.uniqueId("sso");
        assertThat(admin.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);
        Api ingest = api.withToken(run.provider().clientCredentialsToken(TestOidcProvider.INGEST_CLIENT));

        Api.Response status = ingest.get("/api/systems/" + systemId + "/operational-status");
        Api.Response signal = ingest.post("/api/systems/" + systemId + "/signals", Map.of("metric", "accuracy",
                "category", "performance", "value", 0.93, "observedAt", Instant.now().toString()));
        Api.Response register = ingest.post("/api/systems", TestSystems.registration(TestSystems.uniqueId("sso")));

        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(signal.status()).as("its own write: %s", signal.body()).isEqualTo(202);
        assertThat(signal.json().get("breaches")).as("a healthy value").isEmpty();
        assertThat(register.status()).as(register.body()).isEqualTo(403);
        assertThat(register.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCriticalAlertNobodyReviewedInTimeIsEscalatedToTheIncidentManagersMailbox() throws Exception {
        Api admin = api.as(ProductionApp.ADMIN, ProductionApp.ADMIN_PASSWORD);
        String systemId = TestSystems.uniqueId("sso-escalation");
        assertThat(admin.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);
        assertThat(admin.get("/engine-rest/user?memberOfGroup=incident-managers").json())
                .as("no incident manager in the identity tables").isEmpty();

        // The exporter, with its provider token, reports a critical breach; its review is due in 5 s and nobody opens it
        Api ingest = api.withToken(run.provider().clientCredentialsToken(TestOidcProvider.INGEST_CLIENT));
        Api.Response breach = ingest.post("/api/systems/" + systemId + "/signals", Map.of("metric", "accuracy",
                "category", "performance", "value", 0.70, "observedAt", Instant.now().toString()));
        assertThat(breach.status()).as(breach.body()).isEqualTo(202);

        List<MimeMessage> escalations = TestMail.await("escalating the review of " + systemId,
                subject -> subject.contains(systemId + " not reviewed in time"), 1);
        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0).getAllRecipients()).extracting(Address::toString)
                .containsExactly(INCIDENT_MANAGERS_MAILBOX);
    }

    @Test
    void anArt73DeadlineReminderReachesTheIncidentManagersMailbox() throws Exception {
        Api admin = api.as(ProductionApp.ADMIN, ProductionApp.ADMIN_PASSWORD);
        String systemId = TestSystems.uniqueId("sso-reminder");
        assertThat(admin.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);

        // An incident manager, with their provider token, reports a serious incident and classifies it in Tasklist's stead
        Api incidentManager = api.withToken(run.provider().personToken(TestOidcProvider.INCIDENT_MANAGER));
        Api.Response reported = incidentManager.post("/api/incidents", Map.of("aiSystemId", systemId,
                "description", "Reminder under single sign-on", "occurredAt", Instant.now().minusSeconds(600).toString(),
                "reporter", "sso test", "reporterContact", "desk@sso.example", "memberStates", List.of("FR"),
                "personsAffected", 1));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String caseId = reported.json().get("id").asText();
        String process = admin.get("/engine-rest/process-instance?businessKey=" + caseId).json().get(0).get("id").asText();
        EngineRestTasks.complete(incidentManager, process, "Task_ClassifyIncident", TestOidcProvider.INCIDENT_MANAGER,
                Map.of("serious", true, "harmHealth", true, "causalLink", "suspected",
                        "causalLinkAt", Instant.now().minusSeconds(60).toString(), "memberStates", "FR", "regimeGdpr", false));

        List<MimeMessage> reminders = TestMail.await("the deadline reminder of " + caseId,
                subject -> subject.contains("Reminder: report on serious incident " + caseId + " "), 1);
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).getAllRecipients()).extracting(Address::toString)
                .containsExactly(INCIDENT_MANAGERS_MAILBOX);
    }

    @Test
    void badExpiredForeignAndMisaddressedTokensAre401Problems() {
        TestOidcProvider provider = run.provider();
        Map<String, String> tokens = Map.of(
                "bad signature", provider.tokenWithBadSignature(),
                "expired", provider.expiredToken(),
                "wrong issuer", provider.tokenOfAnotherIssuer(),
                "wrong audience", provider.clientCredentialsToken(TestOidcProvider.FOREIGN_CLIENT),
                "not a JWT", "eyJub3QiOiJhIEpXVCJ9.garbage.garbage");

        tokens.forEach((what, token) -> {
            for (String path : new String[] {"/api/integrations/alertmanager", "/engine-rest/process-definition/count"}) {
                Api.Response response = api.withToken(token).get(path);
                assertThat(response.status()).as("%s on %s: %s", what, path, response.body()).isEqualTo(401);
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            }
        });
    }

    @Test
    void engineRestTakesProviderTokensAndLocalServiceAccountsButNoDemoUsers() {
        String token = run.provider().clientCredentialsToken(TestOidcProvider.INGEST_CLIENT);

        assertThat(api.withToken(token).get("/engine-rest/process-definition/count").status()).isEqualTo(200);
        assertThat(api.as(ProductionApp.ADMIN, ProductionApp.ADMIN_PASSWORD).get("/engine-rest/group?id=ai-overseers")
                .json()).hasSize(1);
        assertThat(api.get("/engine-rest/process-definition/count").status()).isEqualTo(401);
        assertThat(api.as("overseer", "demo").get("/api/incidents").status()).as("no demo users under SSO").isEqualTo(401);
        assertThat(api.as("admin", "demo").get("/engine-rest/user").status()).as("no demo admin").isEqualTo(401);
    }

    /** Runs last: it stops the provider. */
    @Test
    @Order(Integer.MAX_VALUE)
    void withTheProviderDownTokensStillWorkWithCachedKeysAndHealthAndTheLoginPageSaySo() throws Exception {
        String systemId = TestSystems.uniqueId("sso-down");
        assertThat(api.as(ProductionApp.ADMIN, ProductionApp.ADMIN_PASSWORD).post("/api/systems",
                TestSystems.registration(systemId)).status()).isEqualTo(201);
        Api ingest = api.withToken(run.provider().clientCredentialsToken(TestOidcProvider.INGEST_CLIENT));
        String statusPath = "/api/systems/" + systemId + "/operational-status";
        assertThat(ingest.get(statusPath).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);

        run.provider().close();

        assertThat(ingest.get(statusPath).status()).as("keys cached").isEqualTo(200);
        Api.Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(redirectOf("/camunda/app/tasklist/")).as("instead of the provider's login")
                .isEqualTo(run.baseUrl() + "/sso/unavailable");
        Api.Response unavailable = api.get("/sso/unavailable");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.body()).contains("does not answer, so nobody can log in", run.provider().issuer());
    }

    private static String redirectOf(String path) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(run.baseUrl()
                + path)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
