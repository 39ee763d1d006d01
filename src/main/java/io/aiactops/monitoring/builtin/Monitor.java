package io.aiactops.monitoring.builtin;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aiactops.monitoring.SignalCategory;

/**
 * One built-in monitor of a monitoring plan, with every default filled in, as stored with the plan's
 * version. Fields of an inference are JSON pointers into its payload; a parameter the kind does not
 * use is null. {@code backfill}: how far before the latest closed window the monitor's first window
 * ends when it is declared, so that its chart starts with a history (null: none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Monitor(String metric, SignalCategory category, MonitorKind kind, Duration cadence, Duration window,
        Integer minCount, String field, Integer bins, ReferenceWindow reference, Double cutOff, String groupField,
        String outcomeField, String outcomeValue, Integer minGroupSize, String modelField, String humanField,
        Duration backfill) {

    /**
     * The window a drift monitor compares with: a fixed one ({@code from}, {@code to}), or the
     * monitor's window just before the active model version's activation.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferenceWindow(Instant from, Instant to, Boolean beforeActivation) {
    }

    /**
     * The width of the aggregate buckets: an hour when cadence and window are whole hours, else a
     * minute, so that every window is a whole number of buckets.
     */
    Duration bucket() {
        Duration hour = Duration.ofHours(1);
        return cadence.toSeconds() % hour.toSeconds() == 0 && window.toSeconds() % hour.toSeconds() == 0
                ? hour : Duration.ofMinutes(1);
    }

    /** How far before a window's end its monitor needs aggregates: volume compares with the seven days before. */
    Duration lookBack() {
        return kind == MonitorKind.VOLUME ? window.plus(Duration.ofDays(7)) : window;
    }
}
