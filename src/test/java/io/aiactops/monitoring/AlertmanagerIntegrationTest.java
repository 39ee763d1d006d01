package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.oversight.OversightReviewProcess;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Alertmanager's webhook (payload v4 and older) into reviews and the register. */
@IntegrationTest
class AlertmanagerIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    Api api;
    String systemId;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "alerts");
    }

    @Test
    void aFiringThenResolvedAlertOpensAReviewAndShowsTheResolutionWithoutClosingIt() {
        Api.Response firing = receive(payload("firing", "2026-11-25T08:00:00Z", "0001-01-01T00:00:00Z", true));
        assertThat(firing.status()).as(firing.body()).isEqualTo(200);
        assertThat(firing.json().get("alerts").get(0).get("reviewId").asText()).isNotBlank();

        Task review = review();
        assertThat(taskService.getVariables(review.getId())).containsEntry("metric", "psi_drift")
                .containsEntry("severity", "critical").containsEntry("latestValue", 0.31)
                .containsEntry("source", "alertmanager").containsEntry("breachCount", 1L);

        // Alertmanager repeats the notification at its repeat interval: recognised, not counted again
        Api.Response repeated = receive(payload("firing", "2026-11-25T08:00:00Z", "0001-01-01T00:00:00Z", true));
        assertThat(repeated.json().get("alerts").get(0).get("duplicate").asBoolean()).isTrue();
        assertThat(taskService.getVariables(review.getId())).containsEntry("breachCount", 1L);

        Api.Response resolved = receive(payload("resolved", "2026-11-25T08:00:00Z", "2026-11-25T09:30:00Z", true));
        assertThat(resolved.json().get("alerts").get(0).get("shownOnOpenReview").asBoolean()).isTrue();

        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
        assertThat(taskService.getVariables(review.getId())).containsEntry("alertResolvedAt", "2026-11-25T09:30:00Z");
        List<JsonNode> events = events();
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsSubsequence("threshold_breach", "monitoring_signal");
        JsonNode breach = events.stream().filter(e -> e.get("type").asText().equals("threshold_breach")).findFirst()
                .orElseThrow();
        assertThat(breach.get("payload").get("fingerprint").asText()).isEqualTo("c0ffee");
        assertThat(breach.get("payload").get("annotations").get("summary").asText()).isEqualTo("Input drift on income");
        assertThat(breach.get("actor").asText()).isEqualTo("ingest");
    }

    @Test
    void anOlderPayloadWithoutFingerprintIsAccepted() {
        Api.Response firing = receive(payload("firing", "2026-11-25T08:00:00Z", "0001-01-01T00:00:00Z", false));

        assertThat(firing.status()).as(firing.body()).isEqualTo(200);
        assertThat(review()).isNotNull();
    }

    @Test
    void anAlertWithoutTheSystemLabelIsRefusedNamingItAndNothingIsStored() {
        int before = events().size();
        Map<String, Object> payload = payload("firing", "2026-11-25T08:00:00Z", "0001-01-01T00:00:00Z", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> alert = ((List<Map<String, Object>>) payload.get("alerts")).get(0);
        alert.put("labels", Map.of("alertname", "Drift", "metric", "psi_drift"));

        Api.Response refused = receive(payload);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("alerts[0].labels.ai_system");
        assertThat(events()).hasSize(before);
        assertThat(api.as("overseer").post("/api/integrations/alertmanager", payload).status()).isEqualTo(403);
    }

    private Task review() {
        return taskService.createTaskQuery().processVariableValueEquals("aiSystemId", systemId)
                .taskDefinitionKey(OversightReviewProcess.TASK_REVIEW_ALERT).singleResult();
    }

    private Api.Response receive(Object payload) {
        return api.as("ingest").post("/api/integrations/alertmanager", payload);
    }

    private List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        api.as("auditor").get("/api/systems/" + systemId + "/logs").json().get("events").forEach(events::add);
        return events;
    }

    private Map<String, Object> payload(String status, String startsAt, String endsAt, boolean v4) {
        Map<String, Object> alert = new java.util.HashMap<>(Map.of(
                "status", status,
                "labels", Map.of("alertname", "InputDrift", "ai_system", systemId, "metric", "psi_drift",
                        "category", "drift", "severity", "critical"),
                "annotations", Map.of("summary", "Input drift on income", "value", "0.31"),
                "startsAt", startsAt,
                "endsAt", endsAt,
                "generatorURL", "http://prometheus:9090/graph?g0.expr=psi_drift"));
        Map<String, Object> payload = new java.util.HashMap<>(Map.of(
                "receiver", "aiact-ops",
                "status", status,
                "alerts", List.of(alert),
                "groupLabels", Map.of("alertname", "InputDrift"),
                "commonLabels", Map.of("alertname", "InputDrift"),
                "commonAnnotations", Map.of(),
                "externalURL", "http://alertmanager:9093",
                "groupKey", "{}:{alertname=\"InputDrift\"}"));
        if (v4) {
            alert.put("fingerprint", "c0ffee");
            payload.put("version", "4");
            payload.put("truncatedAlerts", 0);
        }
        return payload;
    }
}
