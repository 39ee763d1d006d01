package io.aiactops.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of serious-incident reporting ({@code aiact.incidents.*}, docs/incident-clock.md).
 *
 * @param reportingPeriods the Art. 73 periods in calendar days
 * @param calendar time zones and public holidays per Member State, for Regulation 1182/71
 */
@ConfigurationProperties("aiact.incidents")
public record IncidentsProperties(@DefaultValue ReportingPeriods reportingPeriods, @DefaultValue CalendarProperties calendar,
        @DefaultValue Reminders reminders) {

    /**
     * When incident managers are reminded of the first report's deadline and who is alerted when it
     * passes ({@code aiact.incidents.reminders.*}).
     *
     * @param firstAtShareOfPeriod the first reminder, as the share of the time from awareness to the deadline
     * @param secondBeforeDeadline the second reminder, this long before the deadline
     * @param escalateTo the groups mailed when the deadline passes without a report
     */
    public record Reminders(@DefaultValue("0.5") double firstAtShareOfPeriod,
            @DefaultValue("PT24H") Duration secondBeforeDeadline,
            @DefaultValue({"incident-managers", "camunda-admin"}) List<String> escalateTo) {

        public Reminders {
            if (firstAtShareOfPeriod <= 0 || firstAtShareOfPeriod >= 1) {
                throw new IllegalArgumentException("aiact.incidents.reminders.first-at-share-of-period is between 0 and 1, e.g. 0.5");
            }
            if (secondBeforeDeadline.isNegative() || secondBeforeDeadline.isZero()) {
                throw new IllegalArgumentException("aiact.incidents.reminders.second-before-deadline is a positive duration");
            }
            escalateTo = List.copyOf(escalateTo);
        }

        /** The first reminder: the given share of the way from awareness to the deadline. */
        public Instant firstReminder(Instant awareAt, Instant deadline) {
            long millis = Duration.between(awareAt, deadline).toMillis();
            return awareAt.plusMillis((long) (millis * firstAtShareOfPeriod));
        }

        public Instant secondReminder(Instant deadline) {
            return deadline.minus(secondBeforeDeadline);
        }
    }

    /**
     * The Art. 73 periods ({@code aiact.incidents.reporting-periods.*}). Configuration, not literals:
     * an amendment of the Act may change them, and a provider may hold itself to shorter ones.
     *
     * @param generalDays 73(2), any serious incident
     * @param deathDays 73(4), death of a person
     * @param widespreadOrCriticalInfrastructureDays 73(3), widespread infringement or a 3(49)(b) disruption
     */
    public record ReportingPeriods(@DefaultValue("15") int generalDays, @DefaultValue("10") int deathDays,
            @DefaultValue("2") int widespreadOrCriticalInfrastructureDays) {

        public ReportingPeriods {
            if (generalDays < 1 || deathDays < 1 || widespreadOrCriticalInfrastructureDays < 1) {
                throw new IllegalArgumentException("aiact.incidents.reporting-periods.* are periods of at least one day");
            }
        }

        public int days(ReportingRule rule) {
            return switch (rule) {
                case WIDESPREAD_INFRINGEMENT, CRITICAL_INFRASTRUCTURE -> widespreadOrCriticalInfrastructureDays;
                case DEATH -> deathDays;
                case GENERAL -> generalDays;
            };
        }
    }

    /**
     * The legal calendar of each Member State ({@code aiact.incidents.calendar.*}), keyed by ISO 3166-1
     * alpha-2 code.
     *
     * @param timeZones the zone a Member State's deadlines are computed in; entries replace or add to
     *        {@link #DEFAULT_TIME_ZONES}
     * @param extraHolidays public holidays on top of the national ones shipped in {@link PublicHolidays}:
     *        regional or company holidays, or every holiday of a Member State we ship none for
     */
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
}
