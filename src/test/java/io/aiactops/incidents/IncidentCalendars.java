package io.aiactops.incidents;

import java.util.Map;

import io.aiactops.calendar.Calendars;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The incidents clock wired as the app wires it, from properties bound the way Spring Boot binds
 * {@code aiact.incidents.*}, so the tests run on the real defaults.
 */
final class IncidentCalendars {

    private IncidentCalendars() {
    }

    static IncidentsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("aiact.incidents", IncidentsProperties.class);
    }

    static IncidentClock clock() {
        return new IncidentClock(bind(Map.of()), Calendars.timeLimits());
    }
}
