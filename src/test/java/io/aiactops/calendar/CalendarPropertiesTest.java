package io.aiactops.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CalendarPropertiesTest {

    @Test
    void withoutConfigurationTheCapitalsTimeZonesApply() {
        CalendarProperties properties = Calendars.bind(Map.of());

        assertThat(properties.timeZones())
                .hasSize(30)
                .containsEntry("FR", ZoneId.of("Europe/Paris"))
                .containsEntry("DE", ZoneId.of("Europe/Berlin"))
                .containsEntry("CY", ZoneId.of("Asia/Nicosia"));
        assertThat(properties.extraHolidays()).isEmpty();
    }

    @Test
    void configuredZonesReplaceOrAddToTheDefaultsAndHolidaysAreIsoDatesPerMemberState() {
        CalendarProperties properties = Calendars.bind(Map.of(
                "aiact.incidents.calendar.time-zones.ES", "Atlantic/Canary",
                "aiact.incidents.calendar.time-zones.ch", "Europe/Zurich",
                "aiact.incidents.calendar.extra-holidays.FR[0]", "2026-07-13",
                "aiact.incidents.calendar.extra-holidays.FR[1]", "2026-12-24",
                "aiact.incidents.calendar.extra-holidays.de", "2026-06-04,2026-11-01"));

        assertThat(properties.timeZones())
                .containsEntry("ES", ZoneId.of("Atlantic/Canary"))
                .containsEntry("CH", ZoneId.of("Europe/Zurich"))
                .containsEntry("FR", ZoneId.of("Europe/Paris"));
        assertThat(properties.extraHolidays())
                .containsEntry("FR", List.of(LocalDate.of(2026, 7, 13), LocalDate.of(2026, 12, 24)))
                .containsEntry("DE", List.of(LocalDate.of(2026, 6, 4), LocalDate.of(2026, 11, 1)));
    }
}
