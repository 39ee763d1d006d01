package io.aiactops.monitoring.builtin;

import java.util.Set;

import io.aiactops.monitoring.SignalCategory;
import io.aiactops.platform.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a built-in monitor computes (docs/monitors.md). Each kind has its own default metric name, so
 * that the rows of the DMN table {@code monitoring-thresholds} for that name fit the value's scale.
 */
public enum MonitorKind implements WireName {
    PSI("psi_drift", SignalCategory.DRIFT, Set.of("field", "bins", "reference")),
    CATEGORY_SHIFT("category_shift_psi", SignalCategory.DRIFT, Set.of("field", "reference")),
    CONFIDENCE("mean_confidence", SignalCategory.UNCERTAINTY, Set.of("field", "cutOff")),
    GROUP_PARITY("group_parity_ratio", SignalCategory.BIAS,
            Set.of("groupField", "outcomeField", "outcomeValue", "minGroupSize")),
    OVERRIDE_RATE("override_rate", SignalCategory.PERFORMANCE, Set.of("modelField", "humanField")),
    VOLUME("volume_ratio", SignalCategory.USAGE, Set.of()),
    MISSING_RATE("missing_rate", SignalCategory.DATA_QUALITY, Set.of("field"));

    private final String defaultMetric;
    private final SignalCategory defaultCategory;
    private final Set<String> parameters;

    MonitorKind(String defaultMetric, SignalCategory defaultCategory, Set<String> parameters) {
        this.defaultMetric = defaultMetric;
        this.defaultCategory = defaultCategory;
        this.parameters = parameters;
    }

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
    }

    public String defaultMetric() {
        return defaultMetric;
    }

    public SignalCategory defaultCategory() {
        return defaultCategory;
    }

    /** The kind-specific fields a monitor of this kind may have. */
    Set<String> parameters() {
        return parameters;
    }

    /** The kind with this wire name, or {@code null}. */
    public static MonitorKind fromWireName(String wireName) {
        return WireName.find(MonitorKind.class, wireName).orElse(null);
    }
}
