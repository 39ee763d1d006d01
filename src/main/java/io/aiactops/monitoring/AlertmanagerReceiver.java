package io.aiactops.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.logs.AppendResult;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.oversight.Breach;
import io.aiactops.oversight.OversightReviewStarter;
import io.aiactops.oversight.Severity;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonFields;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prometheus Alertmanager's webhook (payload version 4; older ones without {@code fingerprint} or
 * {@code truncatedAlerts} too). A firing alert is a breach for the review of its system and metric;
 * a resolved one is recorded and shown on the open review, which stays for a human to close. A
 * notification Alertmanager repeats is recognised (fingerprint, start, status) and not counted twice.
 */
@Service
class AlertmanagerReceiver {

    private final LogRegister register;
    private final OversightReviewStarter reviews;
    private final MonitoringProperties.Alertmanager config;
    private final MonitoringMetrics metrics;

    AlertmanagerReceiver(LogRegister register, OversightReviewStarter reviews, MonitoringProperties properties,
            MonitoringMetrics metrics) {
        this.register = register;
        this.reviews = reviews;
        this.config = properties.alertmanager();
        this.metrics = metrics;
    }

    record Alert(String aiSystemId, String metric, boolean firing, Breach breach, String clientEventId,
            ThresholdBreachRecorded payload) {
    }

    /** Reads and validates the whole payload before anything is stored. */
    List<Alert> parse(JsonNode body) {
        // Fields a newer Alertmanager adds are ignored: Alertmanager does not resend after a 4xx.
        JsonFields payload = JsonFields.of(body, "");
        String version = payload.text("version", false, 10);
        if (version != null && !version.equals("4")) {
            throw new InvalidFieldException("version", "only Alertmanager webhook payload version 4 is supported");
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray() || alerts.isEmpty()) {
            throw new InvalidFieldException("alerts", "must be a non-empty array of alerts");
        }
        if (alerts.size() > config.maxAlertsPerRequest()) {
            throw new InvalidFieldException("alerts", "at most " + config.maxAlertsPerRequest() + " alerts per request");
        }
        List<Alert> parsed = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            parsed.add(alert(JsonFields.of(alerts.get(i), "alerts[" + i + "]")));
        }
        return parsed;
    }

    private Alert alert(JsonFields alert) {
        String status = alert.text("status", true, 20);
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new InvalidFieldException(alert.path("status"), "must be firing or resolved");
        }
        Map<String, String> labels = alert.strings("labels", 100, 1000);
        Map<String, String> annotations = alert.strings("annotations", 100, 10_000);
        String labelsPath = alert.path("labels");
        String system = required(labels, config.systemLabel(), labelsPath);
        String metric = required(labels, config.metricLabel(), labelsPath);
        if (!metric.matches(SignalParser.METRIC_PATTERN)) {
            throw new InvalidFieldException(labelsPath + "." + config.metricLabel(),
                    "must be a metric name: lower-case letters, digits and underscores");
        }
        String categoryName = labels.getOrDefault(config.categoryLabel(), config.defaultCategory());
        SignalCategory category = SignalCategory.fromWireName(categoryName);
        if (category == null) {
            throw new InvalidFieldException(labelsPath + "." + config.categoryLabel(),
                    "must be one of " + SignalCategory.wireNames());
        }
        Instant startsAt = alert.instant("startsAt", true);
        Instant endsAt = alert.instant("endsAt", false);
        String fingerprint = alert.text("fingerprint", false, 100);
        if (fingerprint == null) {
            fingerprint = Integer.toHexString(new TreeMap<>(labels).toString().hashCode());
        }
        boolean firing = status.equals("firing");
        Severity severity = "critical".equalsIgnoreCase(labels.get(config.severityLabel())) ? Severity.CRITICAL
                : Severity.WARNING;
        String summary = annotations.getOrDefault("summary", annotations.getOrDefault("description", "Alertmanager alert"));
        Breach breach = new Breach(system, metric, category.wireName(), severity,
                "Alertmanager: " + summary, value(annotations.get(config.valueAnnotation())),
                firing ? startsAt : (endsAt == null ? startsAt : endsAt), labels.get("model_version"), "alertmanager");
        return new Alert(system, metric, firing, breach, "alert:" + fingerprint + ":" + startsAt + ":" + status,
                ThresholdBreachRecorded.fromAlert(breach, status, fingerprint, startsAt, endsAt, labels, annotations,
                        alert.text("generatorURL", false, 2000)));
    }

    /** Stores every alert (all or nothing) and hands new ones to the reviews; returns what happened per alert. */
    @Transactional
    public List<Map<String, Object>> receive(List<Alert> alerts, String actor) {
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (Alert alert : alerts) {
            LogEventType type = alert.firing() ? LogEventType.THRESHOLD_BREACH : LogEventType.MONITORING_SIGNAL;
            AppendResult result = register.recordAll(alert.aiSystemId(), actor, List.of(new LogRegister.Entry(type,
                    alert.breach().observedAt(), alert.breach().modelVersion(), alert.clientEventId(), alert.payload())));
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("aiSystemId", alert.aiSystemId());
            outcome.put("metric", alert.metric());
            outcome.put("status", alert.firing() ? "firing" : "resolved");
            outcome.put("duplicate", !result.duplicates().isEmpty());
            if (result.duplicates().isEmpty()) {
                if (alert.firing()) {
                    outcome.put("reviewId", reviews.onBreach(alert.breach()));
                    metrics.breach(alert.aiSystemId(), alert.breach().severity(), MonitoringMetrics.SOURCE_ALERTMANAGER);
                } else {
                    outcome.put("shownOnOpenReview", reviews.onAlertResolved(alert.aiSystemId(), alert.metric(),
                            alert.breach().observedAt()));
                }
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static String required(Map<String, String> labels, String name, String labelsPath) {
        String value = labels.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(labelsPath + "." + name, "the alert must carry this label");
        }
        return value;
    }

    private static Double value(String annotation) {
        if (annotation == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(annotation.trim());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null; // a free-text value annotation is kept in the payload, just not as a number
        }
    }
}
