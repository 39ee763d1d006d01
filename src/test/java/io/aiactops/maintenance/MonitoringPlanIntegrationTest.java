package io.aiactops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The post-market monitoring plan: each change a new version, earlier ones kept, bad plans refused. */
@IntegrationTest
class MonitoringPlanIntegrationTest {

    @LocalServerPort
    int port;

    Api api;
    String path;
    String systemId;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "plan");
        path = "/api/systems/" + systemId + "/monitoring-plan";
    }

    @Test
    void eachChangeIsANewVersionWithItsNoteAndTheRegisterRecordsIt() {
        assertThat(api.as("auditor").get(path).json().get("versions")).isEmpty();
        Api.Response first = api.as("process-owner").send("PUT", path, "application/json", Api.json(plan()));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);

        Map<String, Object> changed = new HashMap<>(plan());
        changed.put("reviewCadence", "P14D");
        Api.Response withoutNote = api.as("process-owner").send("PUT", path, "application/json", Api.json(changed));
        assertThat(withoutNote.status()).isEqualTo(400);
        assertThat(withoutNote.json().get("field").asText()).isEqualTo("changeNote");

        changed.put("changeNote", "Fortnightly after incident INC-2026-00001");
        assertThat(api.as("process-owner").send("PUT", path, "application/json", Api.json(changed)).status()).isEqualTo(200);

        JsonNode history = api.as("auditor").get(path).json();
        assertThat(history.at("/current/version").asInt()).isEqualTo(2);
        assertThat(history.at("/current/reviewCadence").asText()).isEqualTo("P14D");
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.at("/versions/1/reviewCadence").asText()).isEqualTo("P1M");
        JsonNode recorded = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=configuration_changed").json();
        assertThat(recorded.findValuesAsText("monitoringPlanVersion")).contains("1", "2");
    }

    @Test
    void aBadPlanIsRefusedNamingTheFieldAndStoresNothing() {
        assertBad(with("metrics", List.of()), "metrics");
        assertBad(with("metrics", List.of(Map.of("name", "accuracy", "category", "mood", "source", "x"))), "metrics[0].category");
        assertBad(with("metrics", List.of(Map.of("name", "Accuracy!", "category", "performance", "source", "x"))), "metrics[0].name");
        assertBad(with("reviewCadence", "monthly"), "reviewCadence");
        assertBad(with("reviewCadence", "P2Y"), "reviewCadence");
        assertBad(with("owners", List.of()), "owners");
        assertBad(with("colour", "blue"), "colour");
        assertThat(api.as("auditor").get(path).json().get("versions")).isEmpty();
        assertThat(api.as("auditor").send("PUT", path, "application/json", Api.json(plan())).status()).isEqualTo(403);
    }

    @Test
    void aBadMonitorIsRefusedNamingTheFieldAndStoresNothing() {
        String past = Instant.now().minus(Duration.ofDays(7)).toString();
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        assertBad(monitor(Map.of("kind", "entropy", "cadence", "PT1H", "window", "P1D")), "monitors[0].kind");
        assertBad(monitor(Map.of("kind", "missing_rate", "field", "output/score", "cadence", "PT1H", "window", "P1D")),
                "monitors[0].field");
        assertBad(monitor(Map.of("kind", "volume", "cadence", "PT30S", "window", "P1D")), "monitors[0].cadence");
        assertBad(monitor(Map.of("kind", "volume", "cadence", "PT2H", "window", "PT1H")), "monitors[0].window");
        assertBad(monitor(Map.of("kind", "group_parity", "outcomeField", "/output/decision", "outcomeValue", "approve",
                "cadence", "PT1H", "window", "P1D")), "monitors[0].groupField");
        assertBad(monitor(Map.of("kind", "psi", "field", "/output/score", "cadence", "PT1H", "window", "P1D",
                "reference", Map.of("from", past, "to", future))), "monitors[0].reference.to");
        // A reference window without inferences cannot be frozen.
        assertBad(monitor(Map.of("kind", "psi", "field", "/output/score", "cadence", "PT1H", "window", "P1D",
                "reference", Map.of("from", past, "to", Instant.now().minus(Duration.ofDays(1)).toString()))),
                "monitors[0].reference");
        assertThat(api.as("auditor").get(path).json().get("versions")).isEmpty();

        Api.Response stored = api.as("process-owner").send("PUT", path, "application/json",
                Api.json(monitor(Map.of("kind", "volume", "cadence", "PT1H", "window", "PT1H"))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().at("/monitors/0/metric").asText()).isEqualTo("volume_ratio");
        assertThat(stored.json().at("/monitors/0/category").asText()).isEqualTo("usage");
    }

    private Map<String, Object> monitor(Map<String, Object> monitor) {
        return with("monitors", List.of(monitor));
    }


    private Map<String, Object> plan() {
        return Map.of("metrics", List.of(Map.of("name", "accuracy", "category", "performance", "source", "nightly evaluation")),
                "thresholdsReference", "DMN monitoring-thresholds", "reviewCadence", "P1M", "owners", List.of("process-owners"),
                "deployerFeedbackChannel", "mailto:feedback@provider.example");
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(plan());
        body.put(field, value);
        return body;
    }

    private void assertBad(Map<String, Object> body, String field) {
        Api.Response response = api.as("process-owner").send("PUT", path, "application/json", Api.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(field);
    }
}
