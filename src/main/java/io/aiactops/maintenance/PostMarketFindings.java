package io.aiactops.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the log register says about one system over one review period (Art. 72): the monitored
 * metrics, the overseers' decisions and their override/dismiss rate, stops, incidents and whether
 * their reporting deadlines were met, corrective actions and deployers' reports.
 */
public record PostMarketFindings(String aiSystemId, Instant periodFrom, Instant periodTo, Instant compiledAt,
        List<MetricFindings> metrics, Oversight oversight, Stops stops, Incidents incidents,
        CorrectiveActionFindings correctiveActions, long deployerReports) {

    /** One metric's signals (count, min, max, mean; null without signals) and threshold breaches by severity. */
    public record MetricFindings(String metric, long count, Double min, Double max, Double mean, long breaches,
            Map<String, Long> breachesBySeverity) {
    }

    /**
     * The overseers' decisions by type; {@code overrideRate} = dismissed / all decisions, null when there
     * was none: the share of alerts a human set aside, the automation-bias indicator.
     */
    public record Oversight(long decisions, Map<String, Long> byDecision, long dismissed, Double overrideRate) {
    }

    public record Stops(long stopped, long resumed) {
    }

    /** {@code deadline}: met, missed, pending (not yet due, not yet sent) or none (no report required). */
    /** {@code otherRegimes}: each timed or recorded stage of the case's regimes beside Art. 73 (GDPR, NIS2, DORA, MDR). */
    public record IncidentFinding(String incidentId, Instant deadlineAt, Instant firstReportSentAt, String deadline,
            List<RegimeStageFinding> otherRegimes) {
    }

    /** One stage of another regime: {@code status} met, missed or pending, as {@link IncidentFinding#deadline()}. */
    public record RegimeStageFinding(String regime, String stage, Instant dueAt, Instant submittedAt, String status) {
    }

    /** How many stages of one regime met their due date, missed it, or are still running. */
    public record StageTally(long met, long missed, long pending) {
    }

    /** {@code stagesByRegime}: the stages of the other regimes, met, missed and pending, per regime. */
    public record Incidents(long cases, long deadlinesMet, long deadlinesMissed, List<IncidentFinding> byCase,
            Map<String, StageTally> stagesByRegime) {
    }

    /** Corrective actions with an event in the period, and those events by kind (requested, decided, ...). */
    public record CorrectiveActionFindings(long actions, Map<String, Long> byEvent) {
    }

    /** The findings as a process owner reads them in "Review post-market report". */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("Period ").append(periodFrom).append(" to ").append(periodTo).append(" (UTC, end exclusive)\n\n");
        text.append("Metrics:\n");
        if (metrics.isEmpty()) {
            text.append("  no monitoring signal or breach\n");
        }
        metrics.forEach(m -> text.append("  %s: %d signals, min %s, max %s, mean %s; %d breaches%s%n".formatted(m.metric(),
                m.count(), format(m.min()), format(m.max()), format(m.mean()), m.breaches(),
                m.breachesBySeverity().isEmpty() ? "" : " " + m.breachesBySeverity())));
        text.append("\nOversight: %d decisions %s; override/dismiss rate %s%n".formatted(oversight.decisions(),
                oversight.byDecision(), oversight.overrideRate() == null ? "— (no decision)"
                        : "%.1f %% (%d dismissed)".formatted(oversight.overrideRate() * 100, oversight.dismissed())));
        text.append("Stops: %d stopped, %d resumed%n".formatted(stops.stopped(), stops.resumed()));
        text.append("Incidents: %d, deadlines met %d, missed %d%s%n".formatted(incidents.cases(), incidents.deadlinesMet(),
                incidents.deadlinesMissed(), incidents.byCase().isEmpty() ? "" : " — " + incidents.byCase().stream()
                        .map(i -> i.incidentId() + " " + i.deadline()).collect(Collectors.joining(", "))));
        incidents.stagesByRegime().forEach((regime, tally) -> text.append("  %s stages: met %d, missed %d, pending %d%n"
                .formatted(regime.toUpperCase(java.util.Locale.ROOT), tally.met(), tally.missed(), tally.pending())));
        text.append("Corrective actions: %d %s%n".formatted(correctiveActions.actions(), correctiveActions.byEvent()));
        text.append("Deployer reports: %d".formatted(deployerReports));
        return text.toString();
    }

    private static String format(Double value) {
        return value == null ? "—" : "%.4f".formatted(value);
    }
}
