package io.aiactops.maintenance;

import java.time.Instant;
import java.time.Period;
import java.util.List;

import io.aiactops.monitoring.builtin.Monitor;

/**
 * One version of a system's post-market monitoring plan (Art. 72(3)): what is monitored and from
 * where, which thresholds apply, how often the data is reviewed and by whom, and how deployers feed
 * back, and the built-in monitors that compute signals from the register (docs/monitors.md). A change
 * is a new version; earlier ones stay readable.
 */
public record MonitoringPlan(String aiSystemId, int version, List<Metric> metrics, List<Monitor> monitors,
        String thresholdsReference,
        Period reviewCadence, List<String> owners, String deployerFeedbackChannel, String changeNote, Instant createdAt,
        String createdBy) {

    /** A monitored metric: its name as in the signals, its category, and where it comes from. */
    public record Metric(String name, String category, String source) {
    }
}
