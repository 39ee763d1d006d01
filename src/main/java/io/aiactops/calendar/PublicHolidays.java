package io.aiactops.calendar;

import static java.time.Month.AUGUST;
import static java.time.Month.DECEMBER;
import static java.time.Month.JANUARY;
import static java.time.Month.JULY;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static java.time.Month.OCTOBER;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Public holidays per Member State: the national ones shipped here for FR and DE, plus the dates
 * configured in {@code aiact.incidents.calendar.extra-holidays}. A Member State without either has
 * only weekends off, which errs towards earlier deadlines, never later ones.
 */
@Component
public class PublicHolidays {

    private static final Map<String, List<MonthDay>> FIXED = Map.of(
            "FR", List.of(
                    MonthDay.of(JANUARY, 1),    // Jour de l'an
                    MonthDay.of(MAY, 1),        // Fête du travail
                    MonthDay.of(MAY, 8),        // Victoire 1945
                    MonthDay.of(JULY, 14),      // Fête nationale
                    MonthDay.of(AUGUST, 15),    // Assomption
                    MonthDay.of(NOVEMBER, 1),   // Toussaint
                    MonthDay.of(NOVEMBER, 11),  // Armistice 1918
                    MonthDay.of(DECEMBER, 25)), // Noël
            "DE", List.of(
                    MonthDay.of(JANUARY, 1),    // Neujahr
                    MonthDay.of(MAY, 1),        // Tag der Arbeit
                    MonthDay.of(OCTOBER, 3),    // Tag der Deutschen Einheit
                    MonthDay.of(DECEMBER, 25),  // 1. Weihnachtstag
                    MonthDay.of(DECEMBER, 26)));// 2. Weihnachtstag

    // Days after Easter Sunday.
    private static final int GOOD_FRIDAY = -2;
    private static final int EASTER_MONDAY = 1;
    private static final int ASCENSION = 39;
    private static final int WHIT_MONDAY = 50;

    private static final Map<String, List<Integer>> EASTER_BASED = Map.of(
            "FR", List.of(EASTER_MONDAY, ASCENSION, WHIT_MONDAY),
            "DE", List.of(GOOD_FRIDAY, EASTER_MONDAY, ASCENSION, WHIT_MONDAY));

    private final Map<String, Set<LocalDate>> extraHolidays;

    public PublicHolidays(CalendarProperties properties) {
        Map<String, Set<LocalDate>> extra = new HashMap<>();
        properties.extraHolidays().forEach((memberState, days) -> extra.put(memberState, Set.copyOf(days)));
        this.extraHolidays = Map.copyOf(extra);
    }

    public boolean isHoliday(LocalDate day, String memberState) {
        if (extraHolidays.getOrDefault(memberState, Set.of()).contains(day)
                || FIXED.getOrDefault(memberState, List.of()).contains(MonthDay.from(day))) {
            return true;
        }
        int daysAfterEaster = (int) ChronoUnit.DAYS.between(Easter.sunday(day.getYear()), day);
        return EASTER_BASED.getOrDefault(memberState, List.of()).contains(daysAfterEaster);
    }
}
