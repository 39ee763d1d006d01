package io.aiactops.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Periods in days under Regulation (EEC, Euratom) No 1182/71, Art. 3, counted in the local time of
 * the Member State whose authority is addressed: a day there is a local calendar day, whatever the
 * server's zone.
 */
@Component
public class TimeLimits {

    private final Map<String, ZoneId> timeZones;
    private final WorkingDays workingDays;

    public TimeLimits(CalendarProperties properties, WorkingDays workingDays) {
        this.timeZones = properties.timeZones();
        this.workingDays = workingDays;
    }

    public ZoneId zone(String memberState) {
        ZoneId zone = timeZones.get(memberState);
        if (zone == null) {
            throw new IllegalArgumentException("no time zone for Member State '" + memberState
                    + "': set aiact.incidents.calendar.time-zones." + memberState);
        }
        return zone;
    }

    /** The period of {@code days} calendar days that starts with an event at {@code eventAt}. */
    public TimeLimit days(Instant eventAt, int days, String memberState) {
        if (days < 1) {
            throw new IllegalArgumentException("a period in days lasts at least one day: " + days);
        }
        ZoneId zone = zone(memberState);
        // Art. 3(1): the day during which the event occurs is not counted; 3(2)(b): the period starts
        // with the first hour of the next day and ends with the last hour of its last day; 3(3):
        // Saturdays, Sundays and public holidays count.
        LocalDate eventDay = LocalDate.ofInstant(eventAt, zone);
        LocalDate nominal = eventDay.plusDays(days);

        LocalDate adjusted = nominal;
        Adjustment adjustment = Adjustment.NONE;
        if (!workingDays.isWorkingDay(nominal, memberState)) {
            // Art. 3(4): the period ends with the last hour of the following working day.
            adjusted = workingDays.plusWorkingDays(nominal, 1, memberState);
            adjustment = Adjustment.NEXT_WORKING_DAY;
        }
        if (days >= 2) {
            // Art. 3(5): a period of two days or more includes at least two working days.
            LocalDate secondWorkingDay = workingDays.plusWorkingDays(eventDay, 2, memberState);
            if (secondWorkingDay.isAfter(adjusted)) {
                adjusted = secondWorkingDay;
                adjustment = Adjustment.TWO_WORKING_DAYS;
            }
        }
        return new TimeLimit(memberState, zone, eventDay, Deadline.endOf(nominal, zone), Deadline.endOf(adjusted, zone),
                adjustment);
    }

    /**
     * The period of {@code n} working days that starts with an event at {@code eventAt} (e.g. Art. 79(2),
     * a corrective action ordered by an authority): it ends with the last hour of its n-th working day.
     */
    public Deadline workingDays(Instant eventAt, int n, String memberState) {
        if (n < 1) {
            throw new IllegalArgumentException("a period in working days lasts at least one day: " + n);
        }
        ZoneId zone = zone(memberState);
        return Deadline.endOf(workingDays.plusWorkingDays(LocalDate.ofInstant(eventAt, zone), n, memberState), zone);
    }
}
