package io.aiactops.oversight;

import java.time.Instant;

/**
 * A threshold breach to put before a human: from a signal checked against the DMN table or from a
 * firing Alertmanager alert. {@code value} is {@code null} when the alert carried none.
 */
public record Breach(String aiSystemId, String metric, String category, Severity severity, String rationale,
        Double value, Instant observedAt, String modelVersion, String source) {
}
