package io.aiactops.monitoring.builtin;

import io.aiactops.platform.metrics.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The built-in monitors' own metrics (docs/monitors.md#operations): events that arrived after their
 * window was emitted, and runs that failed and will be retried.
 */
@Component
class BuiltinMonitorMetrics {

    static final String LATE_EVENTS = "aiact.monitors.late.events";
    static final String RUN_FAILURES = "aiact.monitors.run.failures";

    private final MeterRegistry meters;

    BuiltinMonitorMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counted once the run that saw them commits, so that a retried run does not count them twice. */
    void lateEvents(String aiSystemId, String metric, long count) {
        if (count > 0) {
            AfterCommit.run(() -> Counter.builder(LATE_EVENTS)
                    .description("Inference events that occurred in a window already emitted by a built-in monitor")
                    .tag("system", aiSystemId).tag("metric", metric).register(meters).increment(count));
        }
    }

    void runFailed(String aiSystemId) {
        Counter.builder(RUN_FAILURES).description("Built-in monitor runs that failed; the next poll retries them")
                .tag("system", aiSystemId).register(meters).increment();
    }
}
