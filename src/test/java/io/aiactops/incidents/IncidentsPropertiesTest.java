package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code aiact.incidents.*} as Spring Boot binds it: defaults, overrides and per-country holidays. */
class IncidentsPropertiesTest {

    @Test
    void withoutConfigurationTheActsPeriodsAndTheCapitalsTimeZonesApply() {
        IncidentsProperties properties = IncidentCalendars.bind(Map.of());

        assertThat(properties.reportingPeriods()).isEqualTo(new IncidentsProperties.ReportingPeriods(15, 10, 2));
        assertThat(properties.calendar().timeZones())
                .hasSize(30)
                .containsEntry("FR", ZoneId.of("Europe/Paris"))
                .containsEntry("DE", ZoneId.of("Europe/Berlin"))
                .containsEntry("CY", ZoneId.of("Asia/Nicosia"));
        assertThat(properties.calendar().extraHolidays()).isEmpty();
    }

    @Test
    void configuredZonesReplaceOrAddToTheDefaultsAndHolidaysAreIsoDatesPerMemberState() {
        IncidentsProperties properties = IncidentCalendars.bind(Map.of(
                "aiact.incidents.reporting-periods.general-days", "12",
                "aiact.incidents.calendar.time-zones.ES", "Atlantic/Canary",
                "aiact.incidents.calendar.time-zones.ch", "Europe/Zurich",
                "aiact.incidents.calendar.extra-holidays.FR[0]", "2026-07-13",
                "aiact.incidents.calendar.extra-holidays.FR[1]", "2026-12-24",
                "aiact.incidents.calendar.extra-holidays.de", "2026-06-04,2026-11-01"));

        assertThat(properties.reportingPeriods().generalDays()).isEqualTo(12);
        assertThat(properties.reportingPeriods().deathDays()).isEqualTo(10);
        assertThat(properties.calendar().timeZones())
                .containsEntry("ES", ZoneId.of("Atlantic/Canary"))
                .containsEntry("CH", ZoneId.of("Europe/Zurich"))
                .containsEntry("FR", ZoneId.of("Europe/Paris"));
        assertThat(properties.calendar().extraHolidays())
                .containsEntry("FR", List.of(LocalDate.of(2026, 7, 13), LocalDate.of(2026, 12, 24)))
                .containsEntry("DE", List.of(LocalDate.of(2026, 6, 4), LocalDate.of(2026, 11, 1)));
    }
}
