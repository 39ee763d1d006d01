package io.aiactops.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gregorian Easter Sunday, including the earliest (22 March) and latest (25 April) possible dates. */
class EasterTest {

    @ParameterizedTest(name = "Easter {0} = {1}")
    @CsvSource({
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2024, 2024-03-31",
            "2019, 2019-04-21",
            "2008, 2008-03-23",
            "2000, 2000-04-23",
            "2038, 2038-04-25",
            "2285, 2285-03-22",
            "1583, 1583-04-10",
    })
    void sunday(int year, LocalDate easterSunday) {
        assertThat(Easter.sunday(year)).isEqualTo(easterSunday);
    }

    @Test
    void isNotComputedBeforeTheGregorianCalendar() {
        assertThatIllegalArgumentException().isThrownBy(() -> Easter.sunday(1582));
    }
}
