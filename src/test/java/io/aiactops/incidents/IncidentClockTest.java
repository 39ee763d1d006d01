package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.aiactops.calendar.Calendars;
import io.aiactops.calendar.Adjustment;
import io.aiactops.calendar.Deadline;
import io.aiactops.calendar.TimeLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Art. 73: which period a classification calls for, and when the report to each Member State is due. */
class IncidentClockTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:00:00Z");

    private final IncidentClock clock = IncidentCalendars.clock();

    @ParameterizedTest(name = "{0} widespread={1} aware {2} in {3}: {4}")
    @CsvSource({
            // harms,                          widespread, awareAt,             MS, why,                                                nominal,    adjusted,   adjusted endsAt
            "DEATH,                            false, 2026-03-02T09:00:00Z, FR, 73(4) death: 10 days,                               2026-03-12, 2026-03-12, 2026-03-12T23:00:00Z",
            "CRITICAL_INFRASTRUCTURE,          false, 2026-03-02T09:00:00Z, DE, 73(3) critical infrastructure disruption: 2 days,  2026-03-04, 2026-03-04, 2026-03-04T23:00:00Z",
            "FUNDAMENTAL_RIGHTS,               true,  2026-03-02T09:00:00Z, FR, 73(3) widespread infringement: 2 days,             2026-03-04, 2026-03-04, 2026-03-04T23:00:00Z",
            "HEALTH,                           false, 2026-03-02T09:00:00Z, FR, 73(2) general: 15 days,                            2026-03-17, 2026-03-17, 2026-03-17T23:00:00Z",
            "FUNDAMENTAL_RIGHTS,               false, 2026-03-02T09:00:00Z, FR, 73(2) general: 15 days,                            2026-03-17, 2026-03-17, 2026-03-17T23:00:00Z",
            "PROPERTY+ENVIRONMENT,             false, 2026-03-02T09:00:00Z, FR, 73(2) general: 15 days,                            2026-03-17, 2026-03-17, 2026-03-17T23:00:00Z",
            // Several cases at once: the shortest period wins.
            "DEATH+HEALTH+PROPERTY,            false, 2026-03-02T09:00:00Z, FR, 73(4) death: 10 days,                               2026-03-12, 2026-03-12, 2026-03-12T23:00:00Z",
            "DEATH+CRITICAL_INFRASTRUCTURE,    false, 2026-03-02T09:00:00Z, FR, 73(3) critical infrastructure disruption: 2 days,  2026-03-04, 2026-03-04, 2026-03-04T23:00:00Z",
            "DEATH+FUNDAMENTAL_RIGHTS,         true,  2026-03-02T09:00:00Z, FR, 73(3) widespread infringement: 2 days,             2026-03-04, 2026-03-04, 2026-03-04T23:00:00Z",
            "CRITICAL_INFRASTRUCTURE,          true,  2026-03-02T09:00:00Z, FR, 73(3) widespread infringement: 2 days,             2026-03-04, 2026-03-04, 2026-03-04T23:00:00Z",
            // 15 days ending on a Saturday: the report is due by the end of Monday.
            "HEALTH,                           false, 2026-11-13T10:00:00Z, FR, 73(2) general: 15 days,                            2026-11-28, 2026-11-30, 2026-11-30T23:00:00Z",
            // Late on Friday evening in UTC is already Saturday in Paris, not yet in Dublin.
            "DEATH,                            false, 2026-11-27T23:30:00Z, FR, 73(4) death: 10 days,                               2026-12-08, 2026-12-08, 2026-12-08T23:00:00Z",
            "DEATH,                            false, 2026-11-27T23:30:00Z, IE, 73(4) death: 10 days,                               2026-12-07, 2026-12-07, 2026-12-08T00:00:00Z",
            // Thursday evening before the 8 May holiday: at least two working days, so Tuesday.
            "CRITICAL_INFRASTRUCTURE,          false, 2026-05-07T19:00:00Z, FR, 73(3) critical infrastructure disruption: 2 days,  2026-05-09, 2026-05-12, 2026-05-12T22:00:00Z",
    })
    void deadlineOfTheReport(String harms, boolean widespread, Instant awareAt, String memberState, String why,
            LocalDate nominalDay, LocalDate adjustedDay, Instant adjustedEndsAt) {
        ReportingDeadlines deadlines = clock.deadlines(classification(harms, widespread), awareAt, List.of(memberState));

        assertThat(deadlines.awareAt()).isEqualTo(awareAt);
        assertThat(deadlines.period().explanation()).isEqualTo(why);
        assertThat(deadlines.timeLimits()).singleElement().satisfies(limit -> {
            assertThat(limit.memberState()).isEqualTo(memberState);
            assertThat(limit.nominal().lastDay()).isEqualTo(nominalDay);
            assertThat(limit.adjusted()).isEqualTo(new Deadline(adjustedDay, adjustedEndsAt));
        });
    }

    @Test
    void anIncidentInTwoMemberStatesHasOneDeadlinePerAuthorityInItsOwnCalendar() {
        ReportingDeadlines deadlines = clock.deadlines(classification("CRITICAL_INFRASTRUCTURE", false),
                Instant.parse("2026-05-07T19:00:00Z"), List.of("FR", "DE", "FR"));

        assertThat(deadlines.period()).isEqualTo(new ReportingPeriod(ReportingRule.CRITICAL_INFRASTRUCTURE, 2));
        assertThat(deadlines.timeLimits()).extracting(TimeLimit::memberState, limit -> limit.adjusted().lastDay(), TimeLimit::adjustment)
                .containsExactly(
                        tuple("FR", LocalDate.of(2026, 5, 12), Adjustment.TWO_WORKING_DAYS),
                        tuple("DE", LocalDate.of(2026, 5, 11), Adjustment.NEXT_WORKING_DAY));
    }

    @Test
    void thePeriodsAreConfiguration() {
        IncidentsProperties stricter = IncidentCalendars.bind(Map.of(
                "aiact.incidents.reporting-periods.general-days", "7",
                "aiact.incidents.reporting-periods.death-days", "5"));
        IncidentClock strictClock = new IncidentClock(stricter, Calendars.timeLimits());

        assertThat(strictClock.periodFor(classification("HEALTH", false)).explanation()).isEqualTo("73(2) general: 7 days");
        assertThat(strictClock.periodFor(classification("DEATH", false)).explanation()).isEqualTo("73(4) death: 5 days");
        assertThat(strictClock.periodFor(classification("ENVIRONMENT", true)).explanation()).isEqualTo("73(3) widespread infringement: 2 days");
    }

    @Test
    void withoutAMemberStateThereIsNoAuthorityToReportTo() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> clock.deadlines(classification("HEALTH", false), MONDAY_MORNING, List.of()));
    }

    @Test
    void withoutAHarmOfArticle3_49ItIsNoSeriousIncident() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IncidentClassification(Set.of(), true));
    }

    private static IncidentClassification classification(String harms, boolean widespread) {
        return new IncidentClassification(
                Arrays.stream(harms.split("\\+")).map(Harm::valueOf).collect(Collectors.toSet()), widespread);
    }
}
