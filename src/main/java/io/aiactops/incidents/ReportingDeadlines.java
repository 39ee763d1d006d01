package io.aiactops.incidents;

import java.time.Instant;
import java.util.List;

/**
 * The Art. 73 deadlines of one serious incident: the period that governs and why, and its time limit
 * in each Member State where the incident occurred, since each one's authority gets its own report.
 */
public record ReportingDeadlines(Instant awareAt, ReportingPeriod period, List<TimeLimit> timeLimits) {

    public ReportingDeadlines {
        timeLimits = List.copyOf(timeLimits);
    }
}
