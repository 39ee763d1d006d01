package io.aiactops.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regulation 1182/71, Art. 3, in the Member State's local time: nominal end, and the end adjusted for
 * a last day off (3(4)) and for at least two working days (3(5)). Every {@code endsAt} is the local
 * midnight that closes the last day.
 */
class TimeLimitsTest {

    private final TimeLimits timeLimits = Calendars.timeLimits();

    @ParameterizedTest(name = "{0} {1} +{2}d: nominal {4}, adjusted {6} ({8})")
    @CsvSource({
            // eventAt,            MS, days, eventDay,  nominal day, nominal endsAt,       adjusted day, adjusted endsAt,     adjustment
            // A working day: both ends agree.
            "2026-03-02T09:00:00Z, FR, 15, 2026-03-02, 2026-03-17, 2026-03-17T23:00:00Z, 2026-03-17, 2026-03-17T23:00:00Z, NONE",
            "2026-03-04T10:00:00Z, FR, 2,  2026-03-04, 2026-03-06, 2026-03-06T23:00:00Z, 2026-03-06, 2026-03-06T23:00:00Z, NONE",
            // Last day a Saturday: nominal stays Saturday, adjusted is Monday.
            "2026-11-13T10:00:00Z, FR, 15, 2026-11-13, 2026-11-28, 2026-11-28T23:00:00Z, 2026-11-30, 2026-11-30T23:00:00Z, NEXT_WORKING_DAY",
            // Saturday, then Easter Sunday and Easter Monday 2026: Tuesday; summer time by then.
            "2026-03-20T10:00:00Z, FR, 15, 2026-03-20, 2026-04-04, 2026-04-04T22:00:00Z, 2026-04-07, 2026-04-07T22:00:00Z, NEXT_WORKING_DAY",
            // Easter Monday 2027 (29 March), the day after the switch to summer time.
            "2027-03-19T12:00:00Z, DE, 10, 2027-03-19, 2027-03-29, 2027-03-29T22:00:00Z, 2027-03-30, 2027-03-30T22:00:00Z, NEXT_WORKING_DAY",
            // Whit Monday 2026.
            "2026-05-10T10:00:00Z, FR, 15, 2026-05-10, 2026-05-25, 2026-05-25T22:00:00Z, 2026-05-26, 2026-05-26T22:00:00Z, NEXT_WORKING_DAY",
            // A configured company holiday (13 July) followed by the Fête nationale: Wednesday.
            "2026-06-28T08:00:00Z, FR, 15, 2026-06-28, 2026-07-13, 2026-07-13T22:00:00Z, 2026-07-15, 2026-07-15T22:00:00Z, NEXT_WORKING_DAY",
            "2026-06-28T08:00:00Z, DE, 15, 2026-06-28, 2026-07-13, 2026-07-13T22:00:00Z, 2026-07-13, 2026-07-13T22:00:00Z, NONE",
            // A configured regional holiday in DE (Corpus Christi) that FR does not have.
            "2026-05-25T08:00:00Z, DE, 10, 2026-05-25, 2026-06-04, 2026-06-04T22:00:00Z, 2026-06-05, 2026-06-05T22:00:00Z, NEXT_WORKING_DAY",
            "2026-05-25T08:00:00Z, FR, 10, 2026-05-25, 2026-06-04, 2026-06-04T22:00:00Z, 2026-06-04, 2026-06-04T22:00:00Z, NONE",
            // Thursday 21:00 in Paris before the 8 May holiday: Fri off, Sat nominal, Mon is the only
            // working day so far, so 3(5) takes the period to Tuesday. In DE 8 May is worked: Monday.
            "2026-05-07T19:00:00Z, FR, 2,  2026-05-07, 2026-05-09, 2026-05-09T22:00:00Z, 2026-05-12, 2026-05-12T22:00:00Z, TWO_WORKING_DAYS",
            "2026-05-07T19:00:00Z, DE, 2,  2026-05-07, 2026-05-09, 2026-05-09T22:00:00Z, 2026-05-11, 2026-05-11T22:00:00Z, NEXT_WORKING_DAY",
            // Christmas Eve in DE: 25 and 26 December off, then a weekend-adjusted Monday is not enough.
            "2026-12-24T09:00:00Z, DE, 2,  2026-12-24, 2026-12-26, 2026-12-26T23:00:00Z, 2026-12-29, 2026-12-29T23:00:00Z, TWO_WORKING_DAYS",
            // Two days from a Friday always end on Tuesday: Monday alone is one working day.
            "2026-11-27T10:00:00Z, FR, 2,  2026-11-27, 2026-11-29, 2026-11-29T23:00:00Z, 2026-12-01, 2026-12-01T23:00:00Z, TWO_WORKING_DAYS",
            // 3(5) is for periods of two days or more only.
            "2026-11-27T10:00:00Z, FR, 1,  2026-11-27, 2026-11-28, 2026-11-28T23:00:00Z, 2026-11-30, 2026-11-30T23:00:00Z, NEXT_WORKING_DAY",
            // 23:30 UTC on Friday 27 Nov is already Saturday 28 Nov in Paris, still Friday in Dublin.
            "2026-11-27T23:30:00Z, FR, 10, 2026-11-28, 2026-12-08, 2026-12-08T23:00:00Z, 2026-12-08, 2026-12-08T23:00:00Z, NONE",
            "2026-11-27T23:30:00Z, IE, 10, 2026-11-27, 2026-12-07, 2026-12-08T00:00:00Z, 2026-12-07, 2026-12-08T00:00:00Z, NONE",
            // Local midnight is the boundary of the event day.
            "2026-03-01T22:59:59Z, FR, 10, 2026-03-01, 2026-03-11, 2026-03-11T23:00:00Z, 2026-03-11, 2026-03-11T23:00:00Z, NONE",
            "2026-03-01T23:00:00Z, FR, 10, 2026-03-02, 2026-03-12, 2026-03-12T23:00:00Z, 2026-03-12, 2026-03-12T23:00:00Z, NONE",
            // Last day is the 25-hour day summer time ends (Sunday 25 Oct): it ends at 23:00 UTC.
            "2026-10-15T10:00:00Z, FR, 10, 2026-10-15, 2026-10-25, 2026-10-25T23:00:00Z, 2026-10-26, 2026-10-26T23:00:00Z, NEXT_WORKING_DAY",
    })
    void periodInDays(Instant eventAt, String memberState, int days, LocalDate eventDay, LocalDate nominalDay,
            Instant nominalEndsAt, LocalDate adjustedDay, Instant adjustedEndsAt, Adjustment adjustment) {
        TimeLimit limit = timeLimits.days(eventAt, days, memberState);

        assertThat(limit.memberState()).isEqualTo(memberState);
        assertThat(limit.eventDay()).isEqualTo(eventDay);
        assertThat(limit.nominal()).isEqualTo(new Deadline(nominalDay, nominalEndsAt));
        assertThat(limit.adjusted()).isEqualTo(new Deadline(adjustedDay, adjustedEndsAt));
        assertThat(limit.adjustment()).isEqualTo(adjustment);
    }

    @Test
    void aMemberStateWithoutTimeZoneIsAnErrorNotUtc() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> timeLimits.days(Instant.parse("2026-03-02T09:00:00Z"), 15, "CH"))
                .withMessageContaining("aiact.incidents.calendar.time-zones.CH");
    }

    @Test
    void aPeriodLastsAtLeastOneDay() {
        assertThatIllegalArgumentException().isThrownBy(() -> timeLimits.days(Instant.parse("2026-03-02T09:00:00Z"), 0, "FR"));
    }
}
