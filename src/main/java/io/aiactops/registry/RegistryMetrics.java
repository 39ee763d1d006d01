package io.aiactops.registry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The registry's gauge (docs/operations.md#health-and-metrics), read from the database on every scrape. */
@Component
class RegistryMetrics implements MeterBinder {

    static final String SYSTEMS_STOPPED = "aiact.systems.stopped";

    private final Registry registry;

    RegistryMetrics(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder(SYSTEMS_STOPPED, registry, r -> r.count(SystemStatus.SUSPENDED))
                .description("AI systems SUSPENDED by a stop and not yet resumed")
                .strongReference(true).register(meters);
    }
}
