package io.aiactops.incidents;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.aiactops.calendar.Adjustment;
import io.aiactops.calendar.DeadlineWords;
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

    /**
     * What incident managers read in the form and the reminder mails: the period, then each Member
     * State's limit in words, e.g. "FR: end of Monday 14 December 2026, Europe/Paris (23:00 UTC), moved
     * from Saturday 12 December 2026 (Regulation 1182/71)".
     */
    public String summary() {
        return period.explanation() + ". " + timeLimits.stream().map(ReportingDeadlines::inWords)
                .collect(Collectors.joining("; "));
    }

    private static String inWords(TimeLimit limit) {
        String due = limit.memberState() + ": " + DeadlineWords.ENGLISH.of(limit.adjusted().endsAt(), limit.zone());
        return limit.adjustment() == Adjustment.NONE ? due
                : "%s, moved from %s (Regulation 1182/71)".formatted(due, DeadlineWords.ENGLISH.day(limit.nominal().lastDay()));
    }
}
