package io.aiactops.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import io.aiactops.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The data of the AI system pages, with a Tasklist login: status and model version, every metric sent
 * or planned with its latest value and chart, open work linked to Tasklist, the register head and the
 * documentation, for people only.
 */
@IntegrationTest
class SystemOverviewIntegrationTest {

    private final int port;
    private final Api api;

    SystemOverviewIntegrationTest(@LocalServerPort int port) {
        this.port = port;
        this.api = Api.anonymous(port);
    }

    @Test
    void anAuditorSeesTheSystemsMetricsOpenWorkRegisterAndDocumentation() {
        // Given: a system whose accuracy breached (a review opens), with a serious incident reported and a plan
        // that also names psi_drift, which it never sent, and a built-in confidence monitor
        String systemId = TestSystems.register(api, "overview");
        Api.Response signal = api.as("ingest").post("/api/systems/" + systemId + "/signals", Map.of("metric", "accuracy",
                "category", "performance", "value", 0.78, "observedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "signalId", "overview-" + UUID.randomUUID()));
        assertThat(signal.status()).as(signal.body()).isEqualTo(202);
        putPlan(systemId);
        String caseId = reportIncident(systemId);

        // When: an auditor logged in to the webapps reads the overview
        WebappSession auditor = WebappSession.anonymous(port);
        assertThat(auditor.logIn("welcome", "auditor", "demo").status()).isEqualTo(200);
        Api.Response response = auditor.get("/systems/" + systemId + "/overview.json");

        // Then: the system's state and its metrics, each with its chart on the path of the Tasklist login
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode overview = response.json();
        assertThat(overview.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode metrics = overview.get("metrics");
        assertThat(metrics).hasSize(3);
        JsonNode accuracy = metrics.get(0);
        assertThat(accuracy.get("metric").asText()).isEqualTo("accuracy");
        assertThat(accuracy.get("latest").get("value").asDouble()).isEqualTo(0.78);
        assertThat(accuracy.get("latest").get("severity").asText()).isEqualTo("critical");
        assertThat(accuracy.get("inMonitoringPlan").asBoolean()).isTrue();
        assertThat(accuracy.get("chartUrl").asText()).isEqualTo("/systems/" + systemId + "/metrics/accuracy/chart.svg?window=P30D");
        // A built-in monitor's metric has its card before its first window closes, though the plan's metrics omit it.
        JsonNode confidence = metrics.get(1);
        assertThat(confidence.get("metric").asText()).isEqualTo("mean_confidence");
        assertThat(confidence.get("category").asText()).isEqualTo("uncertainty");
        assertThat(confidence.get("planSource").asText()).isEqualTo("built-in monitor (confidence)");
        assertThat(confidence.has("latest")).isFalse();
        JsonNode drift = metrics.get(2);
        assertThat(drift.get("metric").asText()).isEqualTo("psi_drift");
        assertThat(drift.has("latest")).as("never sent").isFalse();
        assertThat(drift.get("planSource").asText()).isEqualTo("model server, hourly");
        assertThat(auditor.get(drift.get("chartUrl").asText()).status()).isEqualTo(200);

        // And: the open review and incident, each linked to its task in Tasklist
        JsonNode review = overview.get("openReviews").get(0);
        assertThat(review.get("subject").asText()).isEqualTo("accuracy: critical");
        assertThat(review.get("reference").asText()).isEqualTo(systemId + "/accuracy");
        JsonNode reviewTask = review.get("tasks").get(0);
        assertThat(reviewTask.get("name").asText()).isEqualTo("Review monitoring alert");
        assertThat(reviewTask.get("tasklistUrl").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + reviewTask.get("id").asText());
        JsonNode incident = overview.get("openIncidents").get(0);
        assertThat(incident.get("reference").asText()).isEqualTo(caseId);
        assertThat(incident.get("tasks").get(0).get("name").asText()).isEqualTo("Classify incident");
        assertThat(overview.get("openCorrectiveActions")).isEmpty();

        // And: the register head as the API's verification sees it, and the documentation with the same login
        JsonNode verification = api.as("auditor").get("/api/systems/" + systemId + "/logs/verify").json();
        assertThat(overview.get("register").get("seq").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(overview.get("register").get("hash").asText()).hasSize(64);
        assertThat(verification.toString()).contains(overview.get("register").get("hash").asText());
        Api.Response documentation = auditor.get(overview.get("documentationUrl").asText());
        assertThat(documentation.status()).isEqualTo(200);
        assertThat(documentation.contentType()).startsWith("text/html");
        assertThat(documentation.body()).contains(systemId);

        // And: the system is in the list of systems
        JsonNode systems = auditor.get("/systems.json").json();
        assertThat(StreamSupport.stream(systems.spliterator(), false).map(s -> s.get("id").asText())).contains(systemId);
    }

    @Test
    void onlyPeopleLoggedInToTheWebappsReadTheData() {
        String systemId = TestSystems.register(api, "overview-access");

        assertThat(WebappSession.anonymous(port).get("/systems/" + systemId + "/overview.json").status()).isEqualTo(401);
        assertThat(WebappSession.anonymous(port).get("/systems.json").status()).isEqualTo(401);
        assertThat(api.as("auditor").get("/systems/" + systemId + "/overview.json").status())
                .as("HTTP Basic is not a webapp login").isEqualTo(401);
        WebappSession ingest = WebappSession.anonymous(port);
        assertThat(ingest.logIn("welcome", "ingest", "demo").status()).isEqualTo(200);
        assertThat(ingest.get("/systems/" + systemId + "/overview.json").status()).isEqualTo(403);
        assertThat(ingest.get("/systems/" + systemId + "/documentation").status()).isEqualTo(403);

        WebappSession overseer = WebappSession.anonymous(port);
        assertThat(overseer.logIn("tasklist", "overseer", "demo").status()).isEqualTo(200);
        assertThat(overseer.get("/systems/no-such-system/overview.json").status()).isEqualTo(404);
    }

    @Test
    void thePagesThemselvesHoldNoDataAndLoadNothingInline() {
        for (String path : List.of("/systems", "/systems/demo-credit-scoring")) {
            Api.Response page = WebappSession.anonymous(port).get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("type=\"module\"").doesNotContain("<script>", "style=");
        }
        assertThat(WebappSession.anonymous(port).get("/overview/system.js").status()).isEqualTo(200);
    }

    private void putPlan(String systemId) {
        Api.Response plan = api.as("process-owner").send("PUT", "/api/systems/" + systemId + "/monitoring-plan",
                "application/json", """
                        {"metrics": [{"name": "accuracy", "category": "performance", "source": "nightly evaluation job"},
                                     {"name": "psi_drift", "category": "drift", "source": "model server, hourly"}],
                         "monitors": [{"kind": "confidence", "cadence": "PT6H", "window": "P1D"}],
                         "thresholdsReference": "DMN monitoring-thresholds", "reviewCadence": "P1M",
                         "owners": ["process-owners"], "deployerFeedbackChannel": "mailto:ai-feedback@provider.example"}""");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
    }

    private String reportIncident(String systemId) {
        Api.Response reported = api.as("incident-manager").post("/api/incidents", Map.of(
                "aiSystemId", systemId,
                "description", "Applicants over 60 were refused credit by an outdated rule of " + systemId,
                "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "reporter", "Claire Martin, bank branch Lyon",
                "reporterContact", "claire.martin@bank.example",
                "memberStates", List.of("FR", "DE"),
                "personsAffected", 3));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().get("id").asText();
    }
}
