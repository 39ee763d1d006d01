package io.aiactops.monitoring;

import io.aiactops.oversight.Severity;
import io.aiactops.platform.metrics.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The monitoring metrics (docs/operations.md#health-and-metrics), counted once the signals or alerts
 * are committed. Tags are registered AI systems only (an unknown one is rejected before commit).
 */
@Component
class MonitoringMetrics {

    static final String SIGNALS_INGESTED = "aiact.signals.ingested";
    static final String BREACHES = "aiact.breaches";
    static final String SOURCE_SIGNAL = "signal";
    static final String SOURCE_ALERTMANAGER = "alertmanager";

    private final MeterRegistry meters;

    MonitoringMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Signals stored (duplicates excluded) for one system. */
    void signalsIngested(String aiSystemId, int stored) {
        if (stored > 0) {
            AfterCommit.run(() -> Counter.builder(SIGNALS_INGESTED)
                    .description("Monitoring signals stored, duplicates excluded")
                    .tag("system", aiSystemId).register(meters).increment(stored));
        }
    }

    /** A new (non-duplicate) breach put before a human. */
    void breach(String aiSystemId, Severity severity, String source) {
        AfterCommit.run(() -> Counter.builder(BREACHES)
                .description("Threshold breaches and firing Alertmanager alerts stored, duplicates excluded")
                .tag("system", aiSystemId).tag("severity", severity.wireName()).tag("source", source)
                .register(meters).increment());
    }
}
