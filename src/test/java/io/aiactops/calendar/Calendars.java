package io.aiactops.calendar;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The legal calendar wired as the app wires it, from properties bound the way Spring Boot binds
 * {@code aiact.incidents.calendar.*}, so the tests run on the real defaults.
 */
public final class Calendars {

    /** A company holiday in FR (the Monday before 14 July) and a regional one in DE (Corpus Christi). */
    public static final Map<String, String> EXTRA_HOLIDAYS = Map.of(
            "aiact.incidents.calendar.extra-holidays.FR[0]", "2026-07-13",
            "aiact.incidents.calendar.extra-holidays.DE[0]", "2026-06-04");

    private Calendars() {
    }

    public static CalendarProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("aiact.incidents.calendar", CalendarProperties.class);
    }

    public static WorkingDays workingDays() {
        return new WorkingDays(new PublicHolidays(bind(EXTRA_HOLIDAYS)));
    }

    public static TimeLimits timeLimits() {
        return new TimeLimits(bind(EXTRA_HOLIDAYS), workingDays());
    }
}
