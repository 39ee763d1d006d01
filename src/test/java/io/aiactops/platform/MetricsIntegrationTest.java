package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aiactops.support.Api;
import io.aiactops.support.Prometheus;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our own metrics on /actuator/prometheus count what was committed for one system: stored signals and
 * breaches, not rejected requests, not repeats, not a request rolled back half-way. Other tests share
 * the database, so only this system's series are compared exactly.
 */
@IntegrationTest
class MetricsIntegrationTest {

    @LocalServerPort
    int port;

    Api api;
    String systemId;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "metrics");
    }

    @Test
    void committedSignalsAndBreachesAreCountedPerSystemAndRejectedOrRolledBackRequestsAreNot() {
        // Given a critical breach of accuracy
        Map<String, Object> breaching = signal(0.78);
        Api.Response accepted = api.as("ingest").post(signalsPath(), breaching);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("breaches").get(0).get("severity").asText()).isEqualTo("critical");

        // Then the signal and the breach are counted for this system
        String metrics = scrape();
        assertThat(Prometheus.value(metrics, "aiact_signals_ingested_total", "system=\"" + systemId + "\"")).contains(1.0);
        assertThat(Prometheus.value(metrics, "aiact_breaches_total",
                "severity=\"critical\"", "source=\"signal\"", "system=\"" + systemId + "\"")).contains(1.0);
        // registration (configuration_changed), the signal and the breach
        assertThat(Prometheus.value(metrics, "aiact_log_events_appended_total", "system=\"" + systemId + "\"")).contains(3.0);
        assertThat(Prometheus.value(metrics, "aiact_reviews_open", "severity=\"critical\"")).hasValueSatisfying(
                open -> assertThat(open).isGreaterThanOrEqualTo(1.0));
        assertThat(Prometheus.value(metrics, "aiact_reviews_open", "severity=\"warning\"")).isPresent();
        assertThat(Prometheus.value(metrics, "aiact_systems_stopped")).isPresent();
        assertThat(Prometheus.value(metrics, "aiact_evidence_holds_active")).isPresent();
        assertThat(Prometheus.value(metrics, "aiact_log_append_seconds_count")).hasValueSatisfying(
                appends -> assertThat(appends).isGreaterThanOrEqualTo(3.0));
        assertThat(Prometheus.value(metrics, "aiact_mails_failed_total")).isPresent();
        assertThat(Prometheus.value(metrics, "aiact_incidents_open")).isPresent();

        // When the same signal is sent again, and a signal with a value that is not a number
        assertThat(api.as("ingest").post(signalsPath(), breaching).json().get("duplicates")).hasSize(1);
        Map<String, Object> bad = new HashMap<>(signal(0.5));
        bad.put("value", "low");
        assertThat(api.as("ingest").post(signalsPath(), List.of(signal(0.5), bad)).status()).isEqualTo(400);

        // And Alertmanager sends a firing alert for this system together with one for an unknown system
        Api.Response rolledBack = api.as("ingest").post("/api/integrations/alertmanager",
                alerts(alert(systemId), alert("no-such-system-" + UUID.randomUUID())));
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(404);

        // Then nothing more is counted for this system
        String after = scrape();
        assertThat(Prometheus.value(after, "aiact_signals_ingested_total", "system=\"" + systemId + "\"")).contains(1.0);
        assertThat(Prometheus.value(after, "aiact_breaches_total",
                "severity=\"critical\"", "source=\"signal\"", "system=\"" + systemId + "\"")).contains(1.0);
        assertThat(Prometheus.value(after, "aiact_breaches_total", "source=\"alertmanager\"", "system=\"" + systemId + "\""))
                .isEmpty();
        assertThat(Prometheus.value(after, "aiact_log_events_appended_total", "system=\"" + systemId + "\"")).contains(3.0);

        // When Alertmanager sends the alert alone
        Api.Response firing = api.as("ingest").post("/api/integrations/alertmanager", alerts(alert(systemId)));
        assertThat(firing.status()).as(firing.body()).isEqualTo(200);

        // Then it counts as a breach from Alertmanager
        assertThat(Prometheus.value(scrape(), "aiact_breaches_total",
                "severity=\"critical\"", "source=\"alertmanager\"", "system=\"" + systemId + "\"")).contains(1.0);
    }

    @Test
    void metricsNeedAnAuthenticatedCaller() {
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
    }

    private String scrape() {
        Api.Response response = api.as("admin").get("/actuator/prometheus");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private String signalsPath() {
        return "/api/systems/" + systemId + "/signals";
    }

    private static Map<String, Object> signal(double accuracy) {
        return Map.of("metric", "accuracy", "category", "performance", "value", accuracy,
                "observedAt", Instant.now().toString(), "modelVersion", "1.0.0", "source", "it",
                "signalId", UUID.randomUUID().toString());
    }

    private static Map<String, Object> alert(String aiSystemId) {
        return Map.of("status", "firing",
                "labels", Map.of("alertname", "InputDrift", "ai_system", aiSystemId, "metric", "psi_drift",
                        "category", "drift", "severity", "critical"),
                "annotations", Map.of("summary", "Input drift on income", "value", "0.31"),
                "startsAt", Instant.now().toString(),
                "endsAt", "0001-01-01T00:00:00Z",
                "fingerprint", UUID.randomUUID().toString().substring(0, 16));
    }

    private static Map<String, Object> alerts(Map<?, ?>... alerts) {
        return Map.of("version", "4", "receiver", "aiact-ops", "status", "firing", "alerts", List.of(alerts),
                "groupLabels", Map.of(), "commonLabels", Map.of(), "commonAnnotations", Map.of(),
                "externalURL", "http://alertmanager:9093", "groupKey", "{}:{alertname=\"InputDrift\"}");
    }
}
