package io.aiactops.monitoring;

import io.aiactops.oversight.Severity;

/** What the threshold table said about one value. */
public record ThresholdCheck(Severity severity, String rationale) {
}
