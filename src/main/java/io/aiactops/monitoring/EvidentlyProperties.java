package io.aiactops.monitoring;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aiact.monitoring.evidently.*}: which value of an Evidently report becomes which signal
 * {@code metric} (docs/integrations.md). {@code metrics} changes the default mapping for every system,
 * {@code systems.<id>} for one; an empty metric name drops that value.
 */
@ConfigurationProperties("aiact.monitoring.evidently")
public record EvidentlyProperties(
        @DefaultValue Map<String, String> metrics,
        @DefaultValue Map<String, Map<String, String>> systems) {

    /**
     * The documented default. Keys: {@code share_of_drifted_columns}; {@code drift_score} of a column,
     * or {@code drift_score.<stattest>} for one statistical test (its name in lower case, other
     * characters as {@code _}); the classification quality fields.
     */
    static final Map<String, String> DEFAULT_MAPPING = Map.of(
            "share_of_drifted_columns", "drift_share",
            "drift_score", "column_drift_score",
            // PSI is what the default threshold table already watches as psi_drift.
            "drift_score.psi", "psi_drift",
            "accuracy", "accuracy",
            "precision", "precision",
            "recall", "recall",
            "f1", "f1",
            "roc_auc", "roc_auc",
            "log_loss", "log_loss");

    public EvidentlyProperties {
        metrics.values().forEach(EvidentlyProperties::checkMetric);
        systems.values().forEach(m -> m.values().forEach(EvidentlyProperties::checkMetric));
    }

    /** The mapping of one system: the default, then {@code metrics}, then the system's own entries. */
    Map<String, String> mapping(String systemId) {
        Map<String, String> mapping = new HashMap<>(DEFAULT_MAPPING);
        mapping.putAll(metrics);
        mapping.putAll(systems.getOrDefault(systemId, Map.of()));
        return mapping;
    }

    private static void checkMetric(String metric) {
        if (!metric.isEmpty() && !metric.matches(SignalParser.METRIC_PATTERN)) {
            throw new IllegalArgumentException("aiact.monitoring.evidently: '" + metric
                    + "' is not a metric name (lower-case letters, digits and underscores)");
        }
    }
}
