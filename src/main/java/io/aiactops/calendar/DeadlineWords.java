package io.aiactops.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A deadline as a person reads it: "end of Monday 4 May 2026, Europe/Berlin (22:00 UTC)". The instant
 * stays in UTC for machines; this is only the words. A deadline at local midnight is the end of the day
 * before, since our deadlines are exclusive bounds ({@link Deadline}); any other instant is read with its
 * local time.
 */
public enum DeadlineWords {

    ENGLISH(Locale.UK, "EEEE d MMMM uuuu", "end of %s", "%s at %s"),
    FRENCH(Locale.FRANCE, "EEEE d MMMM uuuu", "fin de la journée du %s", "%s à %s"),
    GERMAN(Locale.GERMANY, "EEEE, d. MMMM uuuu", "Ende des Tages %s", "%s, %s Uhr");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter UTC_DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Locale locale;
    private final DateTimeFormatter day;
    private final String endOfDay;
    private final String dayAtTime;

    DeadlineWords(Locale locale, String dayPattern, String endOfDay, String dayAtTime) {
        this.locale = locale;
        this.day = DateTimeFormatter.ofPattern(dayPattern, locale);
        this.endOfDay = endOfDay;
        this.dayAtTime = dayAtTime;
    }

    /** The language in which a Member State's authority is written to: FR French, DE German, else English. */
    public static DeadlineWords forMemberState(String memberState) {
        if (memberState == null) {
            return ENGLISH;
        }
        return switch (memberState.toUpperCase(Locale.ROOT)) {
            case "FR" -> FRENCH;
            case "DE" -> GERMAN;
            default -> ENGLISH;
        };
    }

    public Locale locale() {
        return locale;
    }

    /** A day in words, "Monday 4 May 2026". */
    public String day(LocalDate date) {
        return day.format(date);
    }

    /**
     * The instant in words, in the zone's local time, with the zone and the UTC time beside it; in UTC
     * alone for a deadline that belongs to no Member State ("Monday 4 May 2026 at 14:30 UTC").
     */
    public String of(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate referenceDay;
        String words;
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            referenceDay = local.toLocalDate().minusDays(1);
            words = endOfDay.formatted(day.format(referenceDay));
        } else {
            referenceDay = local.toLocalDate();
            words = dayAtTime.formatted(day.format(referenceDay), TIME.format(local));
        }
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return words + " UTC";
        }
        return "%s, %s (%s)".formatted(words, zone.getId(), utc(instant, referenceDay));
    }

    /** The UTC time, with its date only where that is not the local day it ends or falls on. */
    private static String utc(Instant instant, LocalDate referenceDay) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        LocalDate utcDay = utc.toLocalDate();
        boolean sameDay = utcDay.equals(referenceDay)
                || utc.toLocalTime().equals(LocalTime.MIDNIGHT) && utcDay.equals(referenceDay.plusDays(1));
        return (sameDay ? "" : UTC_DAY.format(utcDay) + " ") + TIME.format(utc) + " UTC";
    }
}
