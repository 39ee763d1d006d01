package io.aiactops.monitoring;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aiactops.oversight.Severity;

/**
 * The answer to a signals request, sent after the commit: how many were stored, which repeated a
 * stored {@code signalId}, and which breached a threshold and went to which review.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SignalReceipt(int accepted, List<String> duplicates, List<BreachResult> breaches) {

    public record BreachResult(int index, String signalId, String metric, Severity severity, String rationale,
            String reviewId) {
    }
}
