package io.aiactops.regimes;

import java.util.Map;

import io.aiactops.calendar.Calendars;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The regimes' clock wired as the app wires it, from {@code aiact.regimes.*} bound the way Spring Boot binds it. */
public final class RegimeCalendars {

    private RegimeCalendars() {
    }

    public static RegimesProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("aiact.regimes", RegimesProperties.class);
    }

    public static RegimeClock clock(Map<String, String> properties) {
        return new RegimeClock(bind(properties), Calendars.timeLimits(), Calendars.workingDays());
    }

    public static RegimeClock clock() {
        return clock(Map.of());
    }
}
