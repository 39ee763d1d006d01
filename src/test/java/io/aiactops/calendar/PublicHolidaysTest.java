package io.aiactops.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped national holidays of FR and DE, fixed and Easter-based, plus the configured extra ones. */
class PublicHolidaysTest {

    private final PublicHolidays publicHolidays = new PublicHolidays(Calendars.bind(Calendars.EXTRA_HOLIDAYS));

    @ParameterizedTest(name = "{0} {1}: holiday {2} ({3})")
    @CsvSource({
            "FR, 2026-01-01, true,  Nouvel An",
            "FR, 2026-05-01, true,  Fête du travail",
            "FR, 2026-05-08, true,  Victoire 1945",
            "FR, 2026-07-14, true,  Fête nationale",
            "FR, 2026-08-15, true,  Assomption",
            "FR, 2026-11-01, true,  Toussaint",
            "FR, 2026-11-11, true,  Armistice",
            "FR, 2026-12-25, true,  Noël",
            "FR, 2026-12-26, false, not in FR outside Alsace-Moselle",
            "FR, 2026-04-03, false, Good Friday: not in FR outside Alsace-Moselle",
            "FR, 2026-04-06, true,  Easter Monday 2026",
            "FR, 2027-03-29, true,  Easter Monday 2027",
            "FR, 2026-05-14, true,  Ascension 2026",
            "FR, 2026-05-25, true,  Whit Monday 2026",
            "FR, 2026-04-05, false, Easter Sunday: a Sunday but no listed holiday",
            "FR, 2026-10-03, false, German Unity Day",
            "FR, 2026-07-13, true,  configured company holiday",
            "FR, 2027-07-13, false, configured for 2026 only",
            "FR, 2026-06-04, false, configured for DE only",
            "DE, 2026-01-01, true,  Neujahr",
            "DE, 2026-05-01, true,  Tag der Arbeit",
            "DE, 2026-10-03, true,  Tag der Deutschen Einheit",
            "DE, 2026-12-25, true,  1. Weihnachtstag",
            "DE, 2026-12-26, true,  2. Weihnachtstag",
            "DE, 2026-04-03, true,  Karfreitag 2026",
            "DE, 2027-03-26, true,  Karfreitag 2027",
            "DE, 2027-03-29, true,  Ostermontag 2027",
            "DE, 2027-05-06, true,  Christi Himmelfahrt 2027",
            "DE, 2027-05-17, true,  Pfingstmontag 2027",
            "DE, 2026-05-08, false, V-E Day: not in DE",
            "DE, 2026-07-14, false, Fête nationale: not in DE",
            "DE, 2026-06-04, true,  configured regional holiday (Fronleichnam)",
            "IT, 2026-12-25, false, no IT holidays shipped or configured",
    })
    void knowsTheHolidaysOfEachMemberState(String memberState, LocalDate day, boolean holiday, String why) {
        assertThat(publicHolidays.isHoliday(day, memberState)).as(why).isEqualTo(holiday);
    }
}
