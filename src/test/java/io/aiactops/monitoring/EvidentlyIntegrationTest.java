package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.oversight.OversightReviewProcess;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.RegisterEvents;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Evidently reports into monitoring signals, thresholds, reviews and the register. */
@IntegrationTest
class EvidentlyIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    Api api;
    String systemId;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "evidently");
    }

    @Test
    void aReportEvidentlyProducedWithDriftOpensAReview() {
        Api.Response received = sendAsWritten(EvidentlyReports.producedByEvidently());

        assertThat(received.status()).as(received.body()).isEqualTo(202);
        assertThat(received.json().get("accepted").asInt()).isEqualTo(16);
        assertThat(received.json().get("breaches")).extracting(b -> b.get("metric").asText()).contains("psi_drift");
        Task review = taskService.createTaskQuery().processVariableValueEquals("aiSystemId", systemId)
                .taskDefinitionKey(OversightReviewProcess.TASK_REVIEW_ALERT).singleResult();
        assertThat(review).isNotNull();
        assertThat(review.getName()).isEqualTo("Review monitoring alert");
        assertThat(taskService.getVariables(review.getId())).containsEntry("metric", "psi_drift")
                .containsEntry("severity", "critical").containsEntry("source", "evidently 0.3.2");
        List<JsonNode> signals = events("monitoring_signal");
        assertThat(signals).extracting(s -> s.get("payload").get("metric").asText())
                .contains("drift_share", "psi_drift", "column_drift_score");
        assertThat(events("threshold_breach")).isNotEmpty();

        // The same report again: recognised, no second signal, the review is not counted twice.
        Api.Response again = sendAsWritten(EvidentlyReports.producedByEvidently());
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(events("monitoring_signal")).hasSameSizeAs(signals);
    }

    @Test
    void aReportsClassificationQualityBecomesPerformanceSignals() {
        Api.Response received = send(EvidentlyReports.driftReport(0.05, 0.02));

        assertThat(received.status()).as(received.body()).isEqualTo(202);
        assertThat(events("monitoring_signal")).extracting(s -> s.get("payload").get("metric").asText())
                .contains("accuracy", "precision", "recall", "f1");
    }

    @Test
    void aReportWithoutAnyMappableMetricIsRefusedWith422AndNothingIsStored() {
        int before = events(null).size();

        Api.Response refused = send(Map.of("version", "0.3.2", "timestamp", "2026-11-25 09:00:00.000000",
                "metrics", List.of(Map.of("metric", "ColumnSummaryMetric", "result", Map.of("column_name", "age")))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("field").asText()).isEqualTo("metrics");
        assertThat(refused.json().get("detail").asText()).contains("expected", "DataDriftTable");
        assertThat(events(null)).hasSize(before);
    }

    private Api.Response send(Object report) {
        return api.as("ingest").post(path(), report);
    }

    /** The report's JSON byte for byte, as Evidently wrote it. */
    private Api.Response sendAsWritten(String report) {
        return api.as("ingest").send("POST", path(), "application/json", report);
    }

    private String path() {
        return "/api/systems/" + systemId + "/integrations/evidently";
    }

    private List<JsonNode> events(String type) {
        return RegisterEvents.of(api, systemId, type);
    }
}
