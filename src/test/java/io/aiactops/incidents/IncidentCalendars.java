package io.aiactops.incidents;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The incidents clock wired as the app wires it, from properties bound the way Spring Boot binds
 * {@code aiact.incidents.*}, so the tests run on the real defaults.
 */
final class IncidentCalendars {

    /** A company holiday in FR (the Monday before 14 July) and a regional one in DE (Corpus Christi). */
    static final Map<String, String> EXTRA_HOLIDAYS = Map.of(
            "aiact.incidents.calendar.extra-holidays.FR[0]", "2026-07-13",
            "aiact.incidents.calendar.extra-holidays.DE[0]", "2026-06-04");

    private IncidentCalendars() {
    }

    static IncidentsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("aiact.incidents", IncidentsProperties.class);
    }

    static WorkingDays workingDays() {
        return new WorkingDays(new PublicHolidays(bind(EXTRA_HOLIDAYS)));
    }

    static TimeLimits timeLimits() {
        return new TimeLimits(bind(EXTRA_HOLIDAYS), workingDays());
    }

    static IncidentClock clock() {
        return new IncidentClock(bind(EXTRA_HOLIDAYS), timeLimits());
    }
}
