package io.aiactops.monitoring;

import java.time.Instant;

import io.aiactops.oversight.Severity;

/** One recorded value of a metric, with what the thresholds table said of it when it arrived. */
public record MetricPoint(Instant observedAt, double value, Severity severity, String source) {
}
