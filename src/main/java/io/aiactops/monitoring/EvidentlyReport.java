package io.aiactops.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.Sha256;
import io.aiactops.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;

/**
 * Reads the monitoring values of an Evidently report in the layout of {@code Report.json()} of
 * Evidently {@value #PINNED_VERSION}, the one version supported: the share of drifted columns, each
 * column's drift score, and the classification quality metrics present.
 */
final class EvidentlyReport {

    static final String PINNED_VERSION = "0.3.2";
    static final String SOURCE = "evidently " + PINNED_VERSION;
    private static final int MAX_SIGNAL_ID = 190;
    private static final List<String> QUALITY = List.of("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss");
    private static final String EXPECTED = "DatasetDriftMetric or DataDriftTable (share_of_drifted_columns, "
            + "drift_by_columns.*.drift_score), ColumnDriftMetric (drift_score) or ClassificationQualityMetric "
            + "(current." + String.join(", current.", QUALITY) + ")";

    private EvidentlyReport() {
    }

    /** One value found, under its mapping key, before the mapping names its metric. */
    record Value(String key, SignalCategory category, BigDecimal value, Map<String, String> labels) {
    }

    /** The signals of {@code report} under {@code mapping}; 422 naming what was expected when none maps. */
    static List<NewSignal> signals(JsonNode report, Map<String, String> mapping, String modelVersion) {
        Instant observedAt = timestamp(report);
        String reportId = Sha256.of(report.toString()).substring(0, 16);
        List<NewSignal> signals = new ArrayList<>();
        for (Value value : values(report)) {
            String metric = mapping.get(value.key());
            if (metric == null && value.key().startsWith("drift_score.")) {
                metric = mapping.get("drift_score");
            }
            if (metric == null || metric.isEmpty()) {
                continue;
            }
            String column = value.labels().getOrDefault("column", "");
            String signalId = "evidently:" + reportId + ":" + metric + (column.isEmpty() ? "" : ":" + column);
            // The same report sent again gives the same ids, so a resend records nothing twice.
            signals.add(new NewSignal(metric, value.category(), value.value(), observedAt, null, modelVersion,
                    value.labels(), SOURCE, signalId.length() <= MAX_SIGNAL_ID ? signalId
                            : "evidently:" + Sha256.of(signalId)));
        }
        if (signals.isEmpty()) {
            throw new InvalidFieldException(HttpStatus.UNPROCESSABLE_ENTITY, "metrics",
                    "no metric this system maps to a signal; expected " + EXPECTED);
        }
        return signals;
    }

    static List<Value> values(JsonNode report) {
        if (report == null || !report.isObject()) {
            throw new InvalidFieldException("$", "an Evidently report must be a JSON object");
        }
        String version = report.path("version").asText(null);
        if (!PINNED_VERSION.equals(version)) {
            throw new InvalidFieldException(HttpStatus.UNPROCESSABLE_ENTITY, "version", "the layout of Evidently "
                    + PINNED_VERSION + "'s Report.json() is supported; this report says " + version);
        }
        JsonNode metrics = report.get("metrics");
        if (metrics == null || !metrics.isArray()) {
            throw new InvalidFieldException("metrics", "must be the report's array of metrics");
        }
        List<Value> values = new ArrayList<>();
        for (JsonNode metric : metrics) {
            JsonNode result = metric.path("result");
            switch (metric.path("metric").asText("")) {
                case "DatasetDriftMetric" -> shareOfDrifted(result, values);
                case "DataDriftTable" -> {
                    shareOfDrifted(result, values);
                    for (Iterator<JsonNode> columns = result.path("drift_by_columns").elements(); columns.hasNext();) {
                        columnDrift(columns.next(), "DataDriftTable", values);
                    }
                }
                case "ColumnDriftMetric" -> columnDrift(result, "ColumnDriftMetric", values);
                case "ClassificationQualityMetric" -> QUALITY.forEach(name -> number(result.path("current").path(name))
                        .ifPresent(v -> values.add(new Value(name, SignalCategory.PERFORMANCE, v,
                                Map.of("evidently_metric", "ClassificationQualityMetric")))));
                default -> {
                    // Other metrics (summaries, quantiles, data quality) have no signal mapping yet.
                }
            }
        }
        return values;
    }

    private static void shareOfDrifted(JsonNode result, List<Value> values) {
        number(result.path("share_of_drifted_columns")).ifPresent(v -> values.add(new Value("share_of_drifted_columns",
                SignalCategory.DRIFT, v, Map.of("evidently_metric", "share_of_drifted_columns"))));
    }

    private static void columnDrift(JsonNode column, String evidentlyMetric, List<Value> values) {
        String stattest = column.path("stattest_name").asText("");
        number(column.path("drift_score")).ifPresent(v -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("column", column.path("column_name").asText(""));
            labels.put("stattest", stattest);
            labels.put("drift_detected", column.path("drift_detected").asText(""));
            labels.put("evidently_metric", evidentlyMetric);
            values.add(new Value("drift_score." + stattest.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"),
                    SignalCategory.DRIFT, v, labels));
        });
    }

    private static java.util.Optional<BigDecimal> number(JsonNode node) {
        return node.isNumber() ? java.util.Optional.of(node.decimalValue()) : java.util.Optional.empty();
    }

    /** Evidently writes its local time without a zone ({@code 2023-06-12 12:48:35.521369}); read as UTC. */
    private static Instant timestamp(JsonNode report) {
        String text = report.path("timestamp").asText("");
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("timestamp", "must be the report's time, e.g. 2023-06-12 12:48:35.521369");
        }
    }
}
