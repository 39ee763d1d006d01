package io.aiactops.monitoring.builtin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aiact.monitoring.builtin.*} (docs/monitors.md): how often the built-in monitors read the
 * register, how long a window waits for late events, and the small-count guards of the formulas.
 *
 * @param pollInterval how often each node looks for new events and closed windows
 * @param lateness how long after its end a window closes; events that occur in it and arrive later are late
 * @param batchSize register events read per query
 * @param maxEventsPerRun events a run aggregates for one system before it lets the next run continue
 * @param maxWindowsPerRun closed windows a run emits per monitor, when it catches up after an outage
 * @param minCount default of a monitor's {@code minCount}: below it a window emits nothing
 * @param minGroupSize default of a group-parity monitor's {@code minGroupSize}
 * @param epsilon the least share a PSI bin counts with, so that an empty bin adds a finite term
 */
@ConfigurationProperties("aiact.monitoring.builtin")
public record BuiltinMonitorProperties(
        @DefaultValue("PT30S") Duration pollInterval,
        @DefaultValue("PT1H") Duration lateness,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("200000") int maxEventsPerRun,
        @DefaultValue("48") int maxWindowsPerRun,
        @DefaultValue("100") int minCount,
        @DefaultValue("30") int minGroupSize,
        @DefaultValue("0.0001") double epsilon) {
}
