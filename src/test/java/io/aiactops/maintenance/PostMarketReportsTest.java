package io.aiactops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aiactops.platform.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.incidents.IncidentCase;
import io.aiactops.incidents.IncidentCases;
import io.aiactops.incidents.RegimeReporting;
import io.aiactops.logs.LogEvent;
import io.aiactops.logs.LogRegister;
import io.aiactops.platform.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The report's counts from register events, without a database or an engine: incidents' deadlines and corrective actions. */
class PostMarketReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final LogRegister register = mock(LogRegister.class);
    private final IncidentCases incidents = mock(IncidentCases.class);
    private final RegimeReporting regimes = mock(RegimeReporting.class);
    private final PostMarketReports reports = new PostMarketReports(mock(JdbcClient.class), null, null, register, incidents, regimes,
            JSON, null, Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<LogEvent> events = new ArrayList<>();

    @Test
    void incidentDeadlinesAreMetMissedPendingOrNoneAndCorrectiveActionsAreCountedPerCase() {
        incident("INC-1", Instant.parse("2026-10-20T00:00:00Z"), Instant.parse("2026-10-19T08:00:00Z"));
        incident("INC-2", Instant.parse("2026-10-20T00:00:00Z"), Instant.parse("2026-10-21T08:00:00Z"));
        incident("INC-3", Instant.parse("2026-11-20T00:00:00Z"), null);
        incident("INC-4", Instant.parse("2026-12-20T00:00:00Z"), null);
        incident("INC-5", null, null);
        when(incidents.get("INC-6")).thenThrow(new NotFoundException("Incident", "INC-6"));
        for (String id : List.of("INC-1", "INC-2", "INC-3", "INC-4", "INC-5", "INC-6")) {
            event("incident", Map.of("incidentId", id, "event", "opened"));
        }
        event("report_sent", Map.of("incidentId", "INC-1", "reportType", "initial"));
        event("corrective_action", Map.of("correctiveActionId", "CA-1", "event", "requested"));
        event("corrective_action", Map.of("correctiveActionId", "CA-1", "event", "decided"));
        event("corrective_action", Map.of("correctiveActionId", "CA-2", "event", "requested"));
        event("oversight_action", Map.of("action", "note"));
        when(register.events(eq("sys-a"), any(), eq(FROM), eq(TO))).thenReturn(events);

        PostMarketFindings findings = reports.findings("sys-a", FROM, TO);

        assertThat(findings.incidents().byCase()).extracting(PostMarketFindings.IncidentFinding::deadline)
                .containsExactly("met", "missed", "missed", "pending", "none", "unknown");
        assertThat(findings.incidents().cases()).isEqualTo(6);
        assertThat(findings.incidents().deadlinesMet()).isEqualTo(1);
        assertThat(findings.incidents().deadlinesMissed()).isEqualTo(2);
        assertThat(findings.correctiveActions().actions()).isEqualTo(2);
        assertThat(findings.correctiveActions().byEvent()).isEqualTo(Map.of("decided", 1L, "requested", 2L));
        assertThat(findings.oversight().decisions()).as("an oversight action without a decision is no decision").isZero();
        assertThat(findings.oversight().overrideRate()).isNull();
        assertThat(findings.metrics()).isEmpty();
        assertThat(findings.summary()).contains("override/dismiss rate — (no decision)")
                .contains("Incidents: 6, deadlines met 1, missed 2");
    }

    @Test
    void theStagesOfTheOtherRegimesAreCountedMetMissedAndPendingPerRegime() {
        incident("INC-7", null, null);
        Instant due = Instant.parse("2026-10-10T00:00:00Z");
        when(regimes.views(incidents.get("INC-7"))).thenReturn(List.of(
                new RegimeReporting.RegimeView("dora", "DORA", "", "running", FROM, null, List.of(
                        stage("dora_initial", due, due.minusSeconds(60), false),
                        stage("dora_intermediate", due, due.plusSeconds(60), true),
                        stage("dora_final", NOW.plusSeconds(3600), null, false))),
                new RegimeReporting.RegimeView("gdpr", "GDPR", "", "running", FROM, null, List.of(
                        stage("gdpr_notification", due, null, true),
                        stage("gdpr_data_subjects", null, null, false)))));
        event("incident", Map.of("incidentId", "INC-7", "event", "regime_started"));
        when(register.events(eq("sys-a"), any(), eq(FROM), eq(TO))).thenReturn(events);

        PostMarketFindings findings = reports.findings("sys-a", FROM, TO);

        assertThat(findings.incidents().stagesByRegime()).isEqualTo(Map.of(
                "dora", new PostMarketFindings.StageTally(1, 1, 1), "gdpr", new PostMarketFindings.StageTally(0, 1, 0)));
        assertThat(findings.incidents().byCase().get(0).otherRegimes()).extracting(PostMarketFindings.RegimeStageFinding::stage)
                .containsExactly("dora_initial", "dora_intermediate", "dora_final", "gdpr_notification");
        assertThat(findings.summary()).contains("DORA stages: met 1, missed 1, pending 1", "GDPR stages: met 0, missed 1, pending 0");
    }

    private static RegimeReporting.StageView stage(String stage, Instant dueAt, Instant submittedAt, boolean late) {
        return new RegimeReporting.StageView(stage, stage, "", dueAt == null ? "no_time_limit" : "due", dueAt, null, null, "FR", "",
                submittedAt, submittedAt == null ? null : "submitted", submittedAt == null ? null : "mail", null, late);
    }

    @Test
    void theSha256IsLowerCaseHexOfTheUtf8Bytes() {
        assertThat(Sha256.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private void incident(String id, Instant deadlineAt, Instant firstReportSentAt) {
        IncidentCase incident = mock(IncidentCase.class);
        when(incident.deadlineAt()).thenReturn(deadlineAt);
        when(incident.firstReportSentAt()).thenReturn(firstReportSentAt);
        when(incidents.get(id)).thenReturn(incident);
    }

    private void event(String type, Map<String, Object> payload) {
        events.add(new LogEvent("sys-a", events.size() + 1, type, FROM.plusSeconds(events.size()), FROM, null, "x", null,
                JSON.valueToTree(payload), null, null));
    }
}
