package io.aiactops.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Periods in working days (Art. 79(2)): the start day is not counted, weekends and holidays are skipped. */
class WorkingDaysTest {

    private final WorkingDays workingDays = Calendars.workingDays();

    @ParameterizedTest(name = "{0} {1} + {2} working days = {3}")
    @CsvSource({
            // 1 May, 8 May, Ascension (14 May) and Whit Monday (25 May) fall in these 15 working days in FR ...
            "FR, 2026-04-30, 15, 2026-05-27",
            // ... while 8 May is a working day in DE.
            "DE, 2026-04-30, 15, 2026-05-26",
            // Christmas and New Year's Day across two weekends.
            "FR, 2026-12-18, 15, 2027-01-12",
            "DE, 2026-12-18, 15, 2027-01-12",
            "FR, 2026-11-27, 1, 2026-11-30",
            "FR, 2026-05-07, 1, 2026-05-11",
            "DE, 2026-05-07, 1, 2026-05-08",
            "FR, 2026-12-25, 1, 2026-12-28",
            "DE, 2026-06-03, 1, 2026-06-05",
            "FR, 2026-06-03, 1, 2026-06-04",
    })
    void plusWorkingDays(String memberState, LocalDate start, int n, LocalDate lastDay) {
        assertThat(workingDays.plusWorkingDays(start, n, memberState)).isEqualTo(lastDay);
    }

    @Test
    void refusesANegativePeriod() {
        assertThatIllegalArgumentException().isThrownBy(() -> workingDays.plusWorkingDays(LocalDate.of(2026, 5, 4), -1, "FR"));
    }
}
