package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import io.aiactops.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A metric's chart and series on PostgreSQL: every recorded signal once (a resend is not a second point),
 * the bounds of the current thresholds table, who may read them on /api and with a Tasklist login, and
 * bad requests refused naming the field.
 */
@IntegrationTest
class MetricChartIntegrationTest {

    private final int port;
    private final Api api;

    MetricChartIntegrationTest(@LocalServerPort int port) {
        this.port = port;
        this.api = Api.anonymous(port);
    }

    @Test
    void theSeriesHoldsEveryRecordedSignalOnceWithItsSeverityAndTheCurrentThresholds() {
        // Given: three accuracy signals over three days, the last one sent twice
        String systemId = TestSystems.register(api, "chart");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String resent = "chart-" + UUID.randomUUID();
        send(systemId, signal(0.91, now.minus(3, ChronoUnit.DAYS), "a-" + resent),
                signal(0.83, now.minus(2, ChronoUnit.DAYS), "b-" + resent),
                signal(0.78, now.minus(1, ChronoUnit.DAYS), resent));
        send(systemId, signal(0.78, now.minus(1, ChronoUnit.DAYS), resent));

        // When: an overseer reads the series
        Api.Response series = api.as("overseer").get("/api/systems/" + systemId + "/metrics/accuracy/series?window=P30D");

        // Then: three points, oldest first, each with what the thresholds table said of it
        assertThat(series.status()).as(series.body()).isEqualTo(200);
        JsonNode points = series.json().get("points");
        assertThat(points).hasSize(3);
        assertThat(points.get(0).get("value").asDouble()).isEqualTo(0.91);
        assertThat(points.get(0).get("severity").asText()).isEqualTo("ok");
        assertThat(points.get(1).get("severity").asText()).isEqualTo("warning");
        assertThat(points.get(2).get("severity").asText()).isEqualTo("critical");
        assertThat(points.get(2).get("observedAt").asText()).isEqualTo(now.minus(1, ChronoUnit.DAYS).toString());
        assertThat(points.get(2).get("source").asText()).isEqualTo("nightly-eval");
        assertThat(series.json().get("complete").asBoolean()).isTrue();
        assertThat(series.json().get("window").asText()).isEqualTo("P30D");
        // And: the bounds of the shipped table: accuracy must stay above 0.85 (warning) and 0.80 (critical)
        JsonNode thresholds = series.json().get("thresholds");
        assertThat(thresholds.get("warning").get("lower").asDouble()).isEqualTo(0.85);
        assertThat(thresholds.get("critical").get("lower").asDouble()).isEqualTo(0.80);
        assertThat(thresholds.get("critical").get("upper").isNull()).isTrue();

        // And: a shorter window leaves out the older points
        JsonNode lastTwoDays = api.as("auditor").get("/api/systems/" + systemId + "/metrics/accuracy/series?window=P2DT1H").json();
        assertThat(lastTwoDays.get("points")).hasSize(2);
    }

    @Test
    void theChartDrawsThePointsAndBothThresholdLines() {
        String systemId = TestSystems.register(api, "chart-svg");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(systemId, signal(0.90, now.minus(5, ChronoUnit.DAYS), null), signal(0.79, now.minus(1, ChronoUnit.HOURS), null));

        Api.Response chart = api.as("auditor").get("/api/systems/" + systemId + "/metrics/accuracy/chart.svg");

        assertThat(chart.status()).as(chart.body()).isEqualTo(200);
        assertThat(chart.contentType()).startsWith("image/svg+xml");
        assertThat(chart.body()).startsWith("<svg").contains("width=\"720\" height=\"240\"")
                .contains("class=\"threshold warning lower\"", "class=\"threshold critical lower\"",
                        "class=\"point ok\"", "class=\"point critical\"", "accuracy, last 30 days");
    }

    @Test
    void aMetricNeverSentHasAnEmptySeriesAndAChartSayingSo() {
        String systemId = TestSystems.register(api, "chart-empty");

        Api.Response series = api.as("process-owner").get("/api/systems/" + systemId + "/metrics/psi_drift/series");
        Api.Response chart = api.as("process-owner").get("/api/systems/" + systemId + "/metrics/psi_drift/chart.svg");

        assertThat(series.status()).isEqualTo(200);
        assertThat(series.json().get("points")).isEmpty();
        assertThat(series.json().get("thresholds").get("critical").get("upper").asDouble()).isEqualTo(0.25);
        assertThat(chart.body()).contains("No signals in the last 30 days", "class=\"threshold critical upper\"");
    }

    @Test
    void onlyPeopleReadTheApiAndNobodyWithoutALogin() {
        String path = "/api/systems/" + TestSystems.register(api, "chart-access") + "/metrics/accuracy/chart.svg";

        assertThat(api.get(path).status()).isEqualTo(401);
        assertThat(api.as("ingest").get(path).status()).isEqualTo(403);
        for (String person : List.of("overseer", "incident-manager", "process-owner", "auditor", "admin")) {
            assertThat(api.as(person).get(path).status()).as(person).isEqualTo(200);
        }
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        String systemId = TestSystems.register(api, "chart-bad");
        Api overseer = api.as("overseer");
        String series = "/api/systems/" + systemId + "/metrics/accuracy/series";

        assertRefused(overseer.get(series + "?window=thirty-days"), 400, "window", "ISO-8601 duration");
        assertRefused(overseer.get(series + "?window=P401D"), 400, "window", "at most P400D");
        assertRefused(overseer.get(series + "?window=PT0S"), 400, "window", "longer than zero");
        assertRefused(overseer.get("/api/systems/" + systemId + "/metrics/Accuracy/chart.svg"), 400, "metric", "metric name");
        Api.Response unknown = overseer.get("/api/systems/no-such-system/metrics/accuracy/chart.svg?window=P1D");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("AI system", "no-such-system");
    }

    @Test
    void peopleLoggedInToTasklistReadTheChartWithoutOtherCredentials() {
        String path = "/systems/" + TestSystems.register(api, "chart-session") + "/metrics/accuracy/chart.svg?window=P7D";

        WebappSession overseer = WebappSession.anonymous(port);
        assertThat(overseer.logIn("tasklist", "overseer", "demo").status()).isEqualTo(200);
        Api.Response chart = overseer.get(path);
        assertThat(chart.status()).as(chart.body()).isEqualTo(200);
        assertThat(chart.contentType()).startsWith("image/svg+xml");
        assertThat(chart.body()).contains("accuracy, last 7 days");

        Api.Response anonymous = WebappSession.anonymous(port).get(path);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asText()).contains("log in to Tasklist");
        assertThat(api.as("overseer").get(path).status()).as("HTTP Basic is not a webapp login").isEqualTo(401);

        WebappSession ingest = WebappSession.anonymous(port);
        assertThat(ingest.logIn("welcome", "ingest", "demo").status()).isEqualTo(200);
        assertThat(ingest.get(path).status()).isEqualTo(403);
    }

    private static void assertRefused(Api.Response response, int status, String field, String words) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(response.body()).contains(words);
    }

    private static Map<String, Object> signal(double value, Instant observedAt, String signalId) {
        Map<String, Object> signal = new HashMap<>(Map.of("metric", "accuracy", "category", "performance",
                "value", value, "observedAt", observedAt.toString(), "source", "nightly-eval"));
        if (signalId != null) {
            signal.put("signalId", signalId);
        }
        return signal;
    }

    @SafeVarargs
    private void send(String systemId, Map<String, Object>... signals) {
        Api.Response accepted = api.as("ingest").post("/api/systems/" + systemId + "/signals", List.of(signals));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }
}
