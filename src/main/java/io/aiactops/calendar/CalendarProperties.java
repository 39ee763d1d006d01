package io.aiactops.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The legal calendar of each Member State, keyed by ISO 3166-1 alpha-2 code. Its keys keep the prefix
 * {@code aiact.incidents.calendar.*} they were introduced with; corrective actions use the same calendar.
 *
 * @param timeZones the zone a Member State's deadlines are computed in; entries replace or add to
 *        {@link #DEFAULT_TIME_ZONES}
 * @param extraHolidays public holidays on top of the national ones shipped in {@link PublicHolidays}:
 *        regional or company holidays, or every holiday of a Member State we ship none for
 */
@ConfigurationProperties("aiact.incidents.calendar")
public record CalendarProperties(Map<String, ZoneId> timeZones, Map<String, List<LocalDate>> extraHolidays) {

    /**
     * The legal time of the capital of each EU and EEA Member State. Overseas and outlying regions
     * (Canaries, Azores, French overseas departments) differ; an authority there needs an override.
     */
    public static final Map<String, ZoneId> DEFAULT_TIME_ZONES = Map.ofEntries(
            Map.entry("AT", ZoneId.of("Europe/Vienna")),
            Map.entry("BE", ZoneId.of("Europe/Brussels")),
            Map.entry("BG", ZoneId.of("Europe/Sofia")),
            Map.entry("HR", ZoneId.of("Europe/Zagreb")),
            Map.entry("CY", ZoneId.of("Asia/Nicosia")),
            Map.entry("CZ", ZoneId.of("Europe/Prague")),
            Map.entry("DK", ZoneId.of("Europe/Copenhagen")),
            Map.entry("EE", ZoneId.of("Europe/Tallinn")),
            Map.entry("FI", ZoneId.of("Europe/Helsinki")),
            Map.entry("FR", ZoneId.of("Europe/Paris")),
            Map.entry("DE", ZoneId.of("Europe/Berlin")),
            Map.entry("GR", ZoneId.of("Europe/Athens")),
            Map.entry("HU", ZoneId.of("Europe/Budapest")),
            Map.entry("IE", ZoneId.of("Europe/Dublin")),
            Map.entry("IT", ZoneId.of("Europe/Rome")),
            Map.entry("LV", ZoneId.of("Europe/Riga")),
            Map.entry("LT", ZoneId.of("Europe/Vilnius")),
            Map.entry("LU", ZoneId.of("Europe/Luxembourg")),
            Map.entry("MT", ZoneId.of("Europe/Malta")),
            Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
            Map.entry("PL", ZoneId.of("Europe/Warsaw")),
            Map.entry("PT", ZoneId.of("Europe/Lisbon")),
            Map.entry("RO", ZoneId.of("Europe/Bucharest")),
            Map.entry("SK", ZoneId.of("Europe/Bratislava")),
            Map.entry("SI", ZoneId.of("Europe/Ljubljana")),
            Map.entry("ES", ZoneId.of("Europe/Madrid")),
            Map.entry("SE", ZoneId.of("Europe/Stockholm")),
            Map.entry("IS", ZoneId.of("Atlantic/Reykjavik")),
            Map.entry("LI", ZoneId.of("Europe/Vaduz")),
            Map.entry("NO", ZoneId.of("Europe/Oslo")));

    public CalendarProperties {
        Map<String, ZoneId> zones = new HashMap<>(DEFAULT_TIME_ZONES);
        if (timeZones != null) {
            timeZones.forEach((memberState, zone) -> zones.put(isoCode(memberState), zone));
        }
        timeZones = Map.copyOf(zones);
        Map<String, List<LocalDate>> holidays = new HashMap<>();
        if (extraHolidays != null) {
            extraHolidays.forEach((memberState, days) -> holidays.put(isoCode(memberState), List.copyOf(days)));
        }
        extraHolidays = Map.copyOf(holidays);
    }

    // Property sources differ on the case of map keys (YAML keeps it, environment variables do not),
    // while Member States are upper-case codes everywhere else.
    private static String isoCode(String memberState) {
        return memberState.toUpperCase(Locale.ROOT);
    }
}
