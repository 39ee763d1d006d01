package io.aiactops.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The end of a period: its last day, in the local time of the Member State, and {@code endsAt}, the
 * instant that day is over, i.e. the following local midnight. The period runs up to but excluding
 * {@code endsAt}: a report is in time if it is sent before it. An exclusive bound is exact, where
 * "23:59:59.999" would depend on the precision of whoever compares.
 */
public record Deadline(LocalDate lastDay, Instant endsAt) {

    static Deadline endOf(LocalDate lastDay, ZoneId zone) {
        return new Deadline(lastDay, lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
