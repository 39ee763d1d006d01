package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code aiact.incidents.*} as Spring Boot binds it: defaults, overrides and per-country holidays. */
class IncidentsPropertiesTest {

    @Test
    void withoutConfigurationTheActsPeriodsApply() {
        IncidentsProperties properties = IncidentCalendars.bind(Map.of());

        assertThat(properties.reportingPeriods()).isEqualTo(new IncidentsProperties.ReportingPeriods(15, 10, 2));
        assertThat(properties.nextReportWithin()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theNextReportsPeriodIsTheProvidersOwnAndMustBePositive() {
        assertThat(IncidentCalendars.bind(Map.of("aiact.incidents.next-report-within", "P14D")).nextReportWithin())
                .isEqualTo(Duration.ofDays(14));
        assertThatThrownBy(() -> IncidentCalendars.bind(Map.of("aiact.incidents.next-report-within", "PT0S")))
                .hasStackTraceContaining("aiact.incidents.next-report-within is a positive duration");
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
