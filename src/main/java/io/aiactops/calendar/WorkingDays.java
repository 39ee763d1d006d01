package io.aiactops.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * Working days of a Member State in the sense of Regulation 1182/71, Art. 2(2): every day other than
 * a public holiday, a Saturday or a Sunday.
 */
@Component
public class WorkingDays {

    private final PublicHolidays publicHolidays;

    public WorkingDays(PublicHolidays publicHolidays) {
        this.publicHolidays = publicHolidays;
    }

    public boolean isWorkingDay(LocalDate day, String memberState) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY
                && !publicHolidays.isHoliday(day, memberState);
    }

    /**
     * The last day of a period of {@code n} working days from an event on {@code start} (e.g. Art. 79(2),
     * at most 15 working days): the day of the event is not counted (Regulation 1182/71, Art. 3(1)),
     * Saturdays, Sundays and public holidays are skipped, so the result is always a working day.
     */
    public LocalDate plusWorkingDays(LocalDate start, int n, String memberState) {
        if (n < 0) {
            throw new IllegalArgumentException("a period of working days cannot be negative: " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day, memberState)) {
                counted++;
            }
        }
        return day;
    }
}
