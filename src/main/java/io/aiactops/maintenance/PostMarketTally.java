package io.aiactops.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.incidents.IncidentRecorded;
import io.aiactops.logs.LogEvent;
import io.aiactops.logs.LogEventType;
import io.aiactops.oversight.OversightDecisionRecorded;

/**
 * The findings of a post-market review, counted from the register's events of its period: signals and
 * breaches per metric, oversight decisions and the override/dismiss rate, stops, incidents with their
 * deadlines, corrective actions, deployers' reports. Pure: it reads nothing; the caller passes the
 * events, the time of compiling and how to look an incident up.
 */
final class PostMarketTally {

    /** The oversight decision that sets an alert aside: counted by the override/dismiss rate. */
    static final String DISMISS = "dismiss";
    static final List<String> DECISIONS = List.of("dismiss", "keep_watching", "request_corrective_action", "report_incident",
            "stop_system");

    private PostMarketTally() {
    }

    static PostMarketFindings findings(String systemId, Instant from, Instant to, Instant now, List<LogEvent> events,
            Function<String, PostMarketFindings.IncidentFinding> incident) {
        Map<String, DoubleSummaryStatistics> signals = new TreeMap<>();
        Map<String, Map<String, Long>> breaches = new TreeMap<>();
        Map<String, Long> decisions = new LinkedHashMap<>();
        DECISIONS.forEach(d -> decisions.put(d, 0L));
        long stopped = 0;
        long resumed = 0;
        Set<String> incidentIds = new LinkedHashSet<>();
        Set<String> actionIds = new LinkedHashSet<>();
        Map<String, Long> actionEvents = new TreeMap<>();
        long deployerReports = 0;
        for (LogEvent event : events) {
            JsonNode payload = event.payload();
            switch (LogEventType.fromWireName(event.type())) {
                case MONITORING_SIGNAL -> {
                    if (payload.hasNonNull("metric") && payload.path("value").isNumber()) {
                        signals.computeIfAbsent(payload.get("metric").asText(), m -> new DoubleSummaryStatistics())
                                .accept(payload.get("value").asDouble());
                    }
                }
                case THRESHOLD_BREACH -> {
                    if (payload.hasNonNull("metric")) {
                        breaches.computeIfAbsent(payload.get("metric").asText(), m -> new TreeMap<>())
                                .merge(payload.path("severity").asText("unspecified"), 1L, Long::sum);
                    }
                }
                case OVERSIGHT_ACTION -> LogEvent.read(payload, OversightDecisionRecorded.class).map(OversightDecisionRecorded::decision)
                        .ifPresent(decision -> decisions.merge(decision, 1L, Long::sum));
                case SYSTEM_STOPPED -> stopped++;
                case SYSTEM_RESUMED -> resumed++;
                case INCIDENT -> LogEvent.read(payload, IncidentRecorded.AnyStep.class).map(IncidentRecorded.AnyStep::incidentId)
                        .ifPresent(incidentIds::add);
                case REPORT_SENT -> LogEvent.read(payload, IncidentRecorded.ReportSent.class).map(IncidentRecorded.ReportSent::incidentId)
                        .ifPresent(incidentIds::add);
                case CORRECTIVE_ACTION -> {
                    Optional<CorrectiveActionRecorded> step = LogEvent.read(payload, CorrectiveActionRecorded.class);
                    step.map(CorrectiveActionRecorded::correctiveActionId).ifPresent(actionIds::add);
                    actionEvents.merge(step.map(CorrectiveActionRecorded::event).orElse("unspecified"), 1L, Long::sum);
                }
                case DEPLOYER_REPORT -> deployerReports++;
                default -> {
                }
            }
        }
        List<PostMarketFindings.MetricFindings> metrics = new ArrayList<>();
        Set<String> names = new TreeSet<>(signals.keySet());
        names.addAll(breaches.keySet());
        for (String metric : names) {
            DoubleSummaryStatistics s = signals.getOrDefault(metric, new DoubleSummaryStatistics());
            Map<String, Long> bySeverity = breaches.getOrDefault(metric, Map.of());
            boolean any = s.getCount() > 0;
            metrics.add(new PostMarketFindings.MetricFindings(metric, s.getCount(), any ? s.getMin() : null,
                    any ? s.getMax() : null, any ? s.getAverage() : null,
                    bySeverity.values().stream().mapToLong(Long::longValue).sum(), new TreeMap<>(bySeverity)));
        }
        long all = decisions.values().stream().mapToLong(Long::longValue).sum();
        long dismissed = decisions.get(DISMISS);
        List<PostMarketFindings.IncidentFinding> cases = incidentIds.stream().map(incident).toList();
        return new PostMarketFindings(systemId, from, to, now, metrics,
                new PostMarketFindings.Oversight(all, decisions, dismissed, all == 0 ? null : (double) dismissed / all),
                new PostMarketFindings.Stops(stopped, resumed),
                new PostMarketFindings.Incidents(cases.size(), cases.stream().filter(c -> c.deadline().equals("met")).count(),
                        cases.stream().filter(c -> c.deadline().equals("missed")).count(), cases, stagesByRegime(cases)),
                new PostMarketFindings.CorrectiveActionFindings(actionIds.size(), actionEvents), deployerReports);
    }

    private static Map<String, PostMarketFindings.StageTally> stagesByRegime(List<PostMarketFindings.IncidentFinding> cases) {
        Map<String, List<String>> statuses = new TreeMap<>();
        cases.forEach(c -> c.otherRegimes().forEach(stage -> statuses.computeIfAbsent(stage.regime(), r -> new ArrayList<>())
                .add(stage.status())));
        Map<String, PostMarketFindings.StageTally> tally = new TreeMap<>();
        statuses.forEach((regime, list) -> tally.put(regime, new PostMarketFindings.StageTally(
                list.stream().filter("met"::equals).count(), list.stream().filter("missed"::equals).count(),
                list.stream().filter("pending"::equals).count())));
        return tally;
    }

    /**
     * A stage of another regime: met when submitted (or decided) in time, missed when submitted late or not
     * submitted by its passed due date, pending while its clock still runs.
     */
    static String stageStatus(Instant dueAt, Instant submittedAt, boolean late, Instant now) {
        if (submittedAt != null) {
            return late ? "missed" : "met";
        }
        return now.isAfter(dueAt) ? "missed" : "pending";
    }

    /**
     * Met: the first report sent by the adjusted deadline; missed: sent after it, or not sent and it has
     * passed; pending: not sent and still running; none: not reportable.
     */
    static String deadlineStatus(Instant deadline, Instant firstReportSent, Instant now) {
        if (deadline == null) {
            return "none";
        }
        if (firstReportSent != null) {
            return firstReportSent.isAfter(deadline) ? "missed" : "met";
        }
        return now.isAfter(deadline) ? "missed" : "pending";
    }
}
