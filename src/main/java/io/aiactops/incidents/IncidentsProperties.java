package io.aiactops.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of serious-incident reporting ({@code aiact.incidents.*}, docs/incident-clock.md); the legal
 * calendar under {@code aiact.incidents.calendar.*} is {@link io.aiactops.calendar.CalendarProperties}.
 *
 * @param reportingPeriods the Art. 73 periods in calendar days
 * @param nextReportWithin the provider's own period for the next report after a report that was not the
 *        final one: the Act sets none, and an investigation without a due date drops out of every
 *        "due within" list and is never reminded
 */
@ConfigurationProperties("aiact.incidents")
public record IncidentsProperties(@DefaultValue ReportingPeriods reportingPeriods, @DefaultValue Reminders reminders,
        @DefaultValue("P30D") Duration nextReportWithin) {

    public IncidentsProperties {
        if (nextReportWithin.isNegative() || nextReportWithin.isZero()) {
            throw new IllegalArgumentException("aiact.incidents.next-report-within is a positive duration, e.g. P30D");
        }
    }

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
}
