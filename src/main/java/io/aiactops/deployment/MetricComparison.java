package io.aiactops.deployment;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The candidate's test-report metrics against the active version's: each delta (candidate minus
 * active) and the largest drop, 0 when nothing got worse or there is nothing to compare with.
 * Metrics are read as "higher is better" (accuracy, AUC, recall).
 */
public record MetricComparison(String activeVersion, Map<String, BigDecimal> deltas, double largestDrop) {

    public MetricComparison {
        deltas = Map.copyOf(deltas);
    }

    public String describe() {
        if (activeVersion == null) {
            return "No active version: nothing to compare with.";
        }
        if (deltas.isEmpty()) {
            return "No metric present in the test reports of both " + activeVersion + " and the candidate.";
        }
        StringBuilder text = new StringBuilder("Against " + activeVersion + ": ");
        deltas.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text.append(e.getKey()).append(' ')
                .append(e.getValue().signum() >= 0 ? "+" : "").append(e.getValue().toPlainString()).append("; "));
        return text.append("largest drop ").append(largestDrop).toString();
    }
}
