package io.aiactops.logs;

import java.util.concurrent.TimeUnit;

import io.aiactops.platform.metrics.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The log register's metrics (docs/operations.md#health-and-metrics); appends count once committed. */
@Component
class LogMetrics {

    static final String EVENTS_APPENDED = "aiact.log.events.appended";
    static final String APPEND = "aiact.log.append";
    static final String EVIDENCE_HOLDS_ACTIVE = "aiact.evidence.holds.active";

    private final MeterRegistry meters;
    private final Timer append;

    LogMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.append = Timer.builder(APPEND)
                .description("Time to lock, chain and insert one append transaction (one call, or a group of requests sharing a commit)")
                .register(meters);
    }

    /**
     * One append transaction (a call, or a group commit) that stored {@code appended} events (duplicates
     * excluded) and took {@code nanos}.
     */
    void appended(String systemId, int appended, long nanos) {
        AfterCommit.run(() -> {
            append.record(nanos, TimeUnit.NANOSECONDS);
            if (appended > 0) {
                Counter.builder(EVENTS_APPENDED).description("Events stored in the log register, duplicates excluded")
                        .tag("system", systemId).register(meters).increment(appended);
            }
        });
    }

    /** Active evidence holds, counted in the database on every scrape. */
    @Component
    static class Gauges implements MeterBinder {

        private final EvidenceHolds holds;

        Gauges(EvidenceHolds holds) {
            this.holds = holds;
        }

        @Override
        public void bindTo(MeterRegistry registry) {
            Gauge.builder(EVIDENCE_HOLDS_ACTIVE, holds, EvidenceHolds::countActive)
                    .description("Evidence holds placed and not released (all systems)")
                    .strongReference(true).register(registry);
        }
    }
}
