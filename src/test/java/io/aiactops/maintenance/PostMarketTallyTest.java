package io.aiactops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.logs.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a post-market review counts from the register's events of its period, and how incident deadlines are judged. */
class PostMarketTallyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final List<LogEvent> events = new ArrayList<>();

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', textBlock = """
            # deadline           | first report sent    | status  | why
            2026-10-20T00:00:00Z | 2026-10-19T08:00:00Z | met     | sent before the adjusted deadline
            2026-10-20T00:00:00Z | 2026-10-20T00:00:00Z | met     | sent at the very end of the deadline
            2026-10-20T00:00:00Z | 2026-10-21T08:00:00Z | missed  | sent after it
            2026-11-20T00:00:00Z |                      | missed  | not sent, and the deadline has passed
            2026-12-20T00:00:00Z |                      | pending | not sent, the deadline still runs
                                 |                      | none    | not reportable: no deadline
            """)
    void incidentDeadlines(Instant deadline, Instant sent, String status, String why) {
        assertThat(PostMarketTally.deadlineStatus(deadline, sent, NOW)).as(why).isEqualTo(status);
    }

    @Test
    void signalsAndBreachesAreCountedPerMetricAndSignalsWithoutANumberAreLeftOut() {
        event("monitoring_signal", Map.of("metric", "accuracy", "value", 0.70));
        event("monitoring_signal", Map.of("metric", "accuracy", "value", 0.90));
        event("monitoring_signal", Map.of("metric", "accuracy", "value", "n/a"));
        event("monitoring_signal", Map.of("value", 0.5));
        event("threshold_breach", Map.of("metric", "accuracy", "severity", "critical"));
        event("threshold_breach", Map.of("metric", "bias"));

        PostMarketFindings findings = tally();

        assertThat(findings.metrics()).containsExactly(
                new PostMarketFindings.MetricFindings("accuracy", 2, 0.70, 0.90, 0.80, 1, Map.of("critical", 1L)),
                new PostMarketFindings.MetricFindings("bias", 0, null, null, null, 1, Map.of("unspecified", 1L)));
    }

    @Test
    void theOverrideRateIsTheShareOfDismissedDecisions() {
        event("oversight_action", Map.of("decision", "dismiss"));
        event("oversight_action", Map.of("decision", "keep_watching"));
        event("oversight_action", Map.of("decision", "dismiss"));
        event("oversight_action", Map.of("decision", "stop_system"));
        event("oversight_action", Map.of("action", "note"));
        event("system_stopped", Map.of());
        event("system_resumed", Map.of());
        event("deployer_report", Map.of());

        PostMarketFindings findings = tally();

        assertThat(findings.oversight().decisions()).as("an action without a decision is no decision").isEqualTo(4);
        assertThat(findings.oversight().dismissed()).isEqualTo(2);
        assertThat(findings.oversight().overrideRate()).isEqualTo(0.5);
        assertThat(findings.oversight().byDecision()).containsEntry("keep_watching", 1L).containsEntry("report_incident", 0L);
        assertThat(findings.stops()).isEqualTo(new PostMarketFindings.Stops(1, 1));
        assertThat(findings.deployerReports()).isEqualTo(1);
    }

    @Test
    void incidentsAreCountedOncePerCaseAndCorrectiveActionsPerCaseAndEvent() {
        event("incident", Map.of("incidentId", "INC-1", "event", "opened"));
        event("report_sent", Map.of("incidentId", "INC-1"));
        event("incident", Map.of("incidentId", "INC-2", "event", "opened"));
        event("corrective_action", Map.of("correctiveActionId", "CA-1", "event", "requested"));
        event("corrective_action", Map.of("correctiveActionId", "CA-1", "event", "decided"));
        event("corrective_action", Map.of("correctiveActionId", "CA-2", "event", "requested"));

        PostMarketFindings findings = tally();

        assertThat(findings.incidents().byCase()).extracting(PostMarketFindings.IncidentFinding::incidentId)
                .containsExactly("INC-1", "INC-2");
        assertThat(findings.incidents().deadlinesMet()).isEqualTo(1);
        assertThat(findings.incidents().deadlinesMissed()).isEqualTo(1);
        assertThat(findings.correctiveActions().actions()).isEqualTo(2);
        assertThat(findings.correctiveActions().byEvent()).isEqualTo(Map.of("decided", 1L, "requested", 2L));
        assertThat(findings.compiledAt()).isEqualTo(NOW);
    }

    private PostMarketFindings tally() {
        return PostMarketTally.findings("sys-a", FROM, TO, NOW, events,
                id -> new PostMarketFindings.IncidentFinding(id, null, null, id.equals("INC-1") ? "met" : "missed", List.of()));
    }

    private void event(String type, Map<String, Object> payload) {
        events.add(new LogEvent("sys-a", events.size() + 1, type, FROM, FROM, null, "someone", null, JSON.valueToTree(payload),
                "0".repeat(64), "1".repeat(64)));
    }
}
