package io.aiactops.incidents;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.aiactops.calendar.TimeLimit;

/**
 * The Art. 73 deadlines of one serious incident: the period that governs and why, and its time limit
 * in each Member State where the incident occurred, since each one's authority gets its own report.
 */
public record ReportingDeadlines(Instant awareAt, ReportingPeriod period, List<TimeLimit> timeLimits) {

    public ReportingDeadlines {
        timeLimits = List.copyOf(timeLimits);
    }

    /** When the first report is due: the earliest adjusted end among the Member States. */
    public Instant firstReportDue() {
        return timeLimits.stream().map(limit -> limit.adjusted().endsAt()).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** What incident managers read in the reminder mails: the period, then each Member State's limit. */
    public String summary() {
        return period.explanation() + ". " + timeLimits.stream()
                .map(limit -> "%s: nominal %s, adjusted %s (%s, ends %s)".formatted(limit.memberState(),
                        limit.nominal().lastDay(), limit.adjusted().lastDay(), limit.zone().getId(),
                        limit.adjusted().endsAt().atZone(limit.zone()).toOffsetDateTime()))
                .collect(Collectors.joining("; "));
    }
}
