package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code aiact.incidents.*} as Spring Boot binds it: defaults, overrides and per-country holidays. */
class IncidentsPropertiesTest {

    @Test
    void withoutConfigurationTheActsPeriodsApply() {
        IncidentsProperties properties = IncidentCalendars.bind(Map.of());

        assertThat(properties.reportingPeriods()).isEqualTo(new IncidentsProperties.ReportingPeriods(15, 10, 2));
    }

    @Test
    void configuredPeriodsReplaceTheDefaultsOneByOne() {
        IncidentsProperties properties = IncidentCalendars.bind(Map.of(
                "aiact.incidents.reporting-periods.general-days", "12",
                // The calendar shares the prefix but binds on its own (CalendarProperties).
                "aiact.incidents.calendar.time-zones.ES", "Atlantic/Canary"));

        assertThat(properties.reportingPeriods().generalDays()).isEqualTo(12);
        assertThat(properties.reportingPeriods().deathDays()).isEqualTo(10);
    }
}
