package io.aiactops.regimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The clocks of GDPR, NIS2, DORA and MDR beside Art. 73: hand-worked due instants from
 * /work/shared/OTHER-REGIMES.md, each row with its reason. {@code localDue} is the Member State's local time.
 */
class RegimeClockTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T08:00:00Z");

    private final RegimeClock clock = RegimeCalendars.clock();

    @ParameterizedTest(name = "{0} trustService={1} aware {2} in {3}: due {4}")
    @CsvSource({
            // stage,          trustService, awareAt,          MS, dueAt,                localDue,                  basis
            "GDPR_NOTIFICATION,  false, 2026-03-02T09:00:00Z, FR, 2026-03-05T09:00:00Z, 2026-03-05T10:00+01:00, GDPR 33(1): 72 hours from awareness",
            // Late on Friday evening in Paris: hours run through the weekend, no roll-forward (1182/71 3(4) is for days).
            "GDPR_NOTIFICATION,  false, 2026-11-27T22:30:00Z, FR, 2026-11-30T22:30:00Z, 2026-11-30T23:30+01:00, GDPR 33(1): 72 hours from awareness",
            // Exactly 72 hours across the change to summer time: the local clock shows one hour more.
            "GDPR_NOTIFICATION,  false, 2026-03-28T10:00:00Z, FR, 2026-03-31T10:00:00Z, 2026-03-31T12:00+02:00, GDPR 33(1): 72 hours from awareness",
            // Hours count from the exact instant, not from the start of the next hour (the conservative reading).
            "NIS2_EARLY_WARNING, false, 2026-05-07T21:37:00Z, DE, 2026-05-08T21:37:00Z, 2026-05-08T23:37+02:00, NIS2 23(4)(a): 24 hours from awareness",
            // Aware 23:37 on Thursday in Berlin; due late on Sunday, a weekend is no relief.
            "NIS2_NOTIFICATION,  false, 2026-05-07T21:37:00Z, DE, 2026-05-10T21:37:00Z, 2026-05-10T23:37+02:00, NIS2 23(4)(b): 72 hours from awareness",
            // A trust service provider notifies within 24 hours.
            "NIS2_NOTIFICATION,  true,  2026-05-07T21:37:00Z, DE, 2026-05-08T21:37:00Z, 2026-05-08T23:37+02:00, NIS2 23(4)(b): 24 hours from awareness (trust service provider)",
    })
    void hoursFromAwareness(RegimeStage stage, boolean trustService, Instant awareAt, String memberState, Instant dueAt,
            OffsetDateTime localDue, String basis) {
        RegimeFacts facts = RegimeFacts.awareAt(awareAt);
        StageClock due = clock.clock(stage, trustService ? facts.withNis2TrustService() : facts, memberState);

        assertDue(due, awareAt, dueAt, localDue, basis);
    }

    @ParameterizedTest(name = "DORA aware {0}, classified {1}, relief={2} in {3}: due {4}")
    @CsvSource({
            // awareAt,           classifiedAt,         relief, MS, dueAt,                localDue,                  basis
            // Classified within 24 hours, 4 hours later is the earlier limit.
            "2026-03-02T08:00:00Z, 2026-03-02T10:00:00Z, false, FR, 2026-03-02T14:00:00Z, 2026-03-02T15:00+01:00, DORA RTS 5(1)(a): 4 hours from classification as major",
            // Classified within 24 hours, but 4 hours later would pass awareness + 24 h: that is the limit.
            "2026-03-02T08:00:00Z, 2026-03-03T06:00:00Z, false, FR, 2026-03-03T08:00:00Z, 2026-03-03T09:00+01:00, 'DORA RTS 5(1)(a): 24 hours from awareness, the latest limit'",
            // Classified exactly at awareness + 24 h: still the first case of the rule, so due at once.
            "2026-03-02T08:00:00Z, 2026-03-03T08:00:00Z, false, FR, 2026-03-03T08:00:00Z, 2026-03-03T09:00+01:00, 'DORA RTS 5(1)(a): 24 hours from awareness, the latest limit'",
            // Classified more than 24 hours after awareness: 4 hours from classification.
            "2026-03-02T08:00:00Z, 2026-03-03T08:00:01Z, false, FR, 2026-03-03T12:00:01Z, 2026-03-03T13:00:01+01:00, 'DORA RTS 5(1)(a): 4 hours from classification as major, made more than 24 hours after awareness'",
            "2026-03-02T08:00:00Z, 2026-03-03T14:00:00Z, false, FR, 2026-03-03T18:00:00Z, 2026-03-03T19:00+01:00, 'DORA RTS 5(1)(a): 4 hours from classification as major, made more than 24 hours after awareness'",
            // Aware late on Friday evening in Paris, classified after midnight: due in the night to Saturday.
            "2026-11-27T21:45:00Z, 2026-11-27T23:15:00Z, false, FR, 2026-11-28T03:15:00Z, 2026-11-28T04:15+01:00, DORA RTS 5(1)(a): 4 hours from classification as major",
            // The same with the weekend relief of RTS 5(4) turned on: 12:00 on Monday in Paris.
            "2026-11-27T21:45:00Z, 2026-11-27T23:15:00Z, true,  FR, 2026-11-30T11:00:00Z, 2026-11-30T12:00+01:00, 'DORA RTS 5(1)(a): 4 hours from classification as major; on a weekend or bank holiday, moved to 12:00 of the next working day (RTS 5(4))'",
            // Relief on a bank holiday: 8 May is one in FR, not in DE.
            "2026-05-08T06:00:00Z, 2026-05-08T07:00:00Z, true,  FR, 2026-05-11T10:00:00Z, 2026-05-11T12:00+02:00, 'DORA RTS 5(1)(a): 4 hours from classification as major; on a weekend or bank holiday, moved to 12:00 of the next working day (RTS 5(4))'",
            "2026-05-08T06:00:00Z, 2026-05-08T07:00:00Z, true,  DE, 2026-05-08T11:00:00Z, 2026-05-08T13:00+02:00, DORA RTS 5(1)(a): 4 hours from classification as major",
    })
    void doraInitialNotification(Instant awareAt, Instant classifiedAt, boolean relief, String memberState, Instant dueAt,
            OffsetDateTime localDue, String basis) {
        RegimeFacts facts = RegimeFacts.awareAt(awareAt).withDoraClassifiedAt(classifiedAt);
        StageClock due = clock.clock(RegimeStage.DORA_INITIAL, relief ? facts.withDoraWeekendRelief() : facts, memberState);

        assertThat(due.dueAt()).isEqualTo(dueAt);
        assertThat(due.localDue().toOffsetDateTime()).isEqualTo(localDue);
        assertThat(due.basis()).isEqualTo(basis);
    }

    @ParameterizedTest(name = "{0} after {1} submitted {2} in {3}: due {4}")
    @CsvSource({
            // stage,          previous,          submittedAt,          MS, dueAt,                localDue,                  basis
            "DORA_INTERMEDIATE, DORA_INITIAL,      2026-03-02T13:10:00Z, FR, 2026-03-05T13:10:00Z, 2026-03-05T14:10+01:00, DORA RTS 5(1)(b): 72 hours from the submission of the initial notification",
            // One month keeps the local clock time across the change to summer time: 13:00 in Paris both times.
            "DORA_FINAL,        DORA_INTERMEDIATE, 2026-03-05T12:00:00Z, FR, 2026-04-05T11:00:00Z, 2026-04-05T13:00+02:00, DORA RTS 5(1)(c): 1 month from the submission of the intermediate report",
            // From 31 January, one month ends on the last day of February.
            "NIS2_FINAL,        NIS2_NOTIFICATION, 2026-01-31T10:00:00Z, FR, 2026-02-28T10:00:00Z, 2026-02-28T11:00+01:00, NIS2 23(4)(d): 1 month from the submission of the incident notification",
            // Late on 28 February in UTC is already 1 March in Paris: the month runs to 1 April there, not to 28 March.
            "NIS2_FINAL,        NIS2_NOTIFICATION, 2026-02-28T23:30:00Z, FR, 2026-03-31T22:30:00Z, 2026-04-01T00:30+02:00, NIS2 23(4)(d): 1 month from the submission of the incident notification",
            // A progress report instead of the final one, when the incident is still ongoing: at that same time.
            "NIS2_PROGRESS,     NIS2_NOTIFICATION, 2026-01-31T10:00:00Z, FR, 2026-02-28T10:00:00Z, 2026-02-28T11:00+01:00, NIS2 23(4)(e): 1 month from the submission of the incident notification",
    })
    void chainedToThePreviousSubmission(RegimeStage stage, RegimeStage previous, Instant submittedAt, String memberState,
            Instant dueAt, OffsetDateTime localDue, String basis) {
        RegimeFacts before = RegimeFacts.awareAt(MONDAY_MORNING.minusSeconds(86_400 * 40))
                .withDoraClassifiedAt(MONDAY_MORNING.minusSeconds(86_400 * 40));
        assertThat(clock.clock(stage, before, memberState).state()).isEqualTo(StageClock.State.WAITING);
        assertThat(clock.clock(stage, before, memberState).basis()).isEqualTo("waits for the submission of the " + previous.title());

        StageClock due = clock.clock(stage, before.withSubmission(previous, submittedAt), memberState);

        assertDue(due, submittedAt, dueAt, localDue, basis);
    }

    @ParameterizedTest(name = "MDR {0} aware {1} in {2}: due {3}")
    @CsvSource({
            // case,                          awareAt,              MS, dueAt,                basis
            "ANY_SERIOUS_INCIDENT,           2026-03-02T09:00:00Z, FR, 2026-03-17T23:00:00Z, MDR 87(3) serious incident: 15 days from awareness",
            "DEATH_OR_SERIOUS_DETERIORATION, 2026-03-02T09:00:00Z, FR, 2026-03-12T23:00:00Z, MDR 87(5) death or unanticipated serious deterioration: 10 days from awareness",
            // Thursday evening before the 8 May holiday in FR: at least two working days (1182/71 3(5)), so Tuesday.
            "PUBLIC_HEALTH_THREAT,           2026-05-07T19:00:00Z, FR, 2026-05-12T22:00:00Z, MDR 87(4) serious public health threat: 2 days from awareness",
            // Late on Friday evening in UTC is Saturday 00:30 in Paris: Mon 30 Nov and Tue 1 Dec are its two working days.
            "PUBLIC_HEALTH_THREAT,           2026-11-27T23:30:00Z, FR, 2026-12-01T23:00:00Z, MDR 87(4) serious public health threat: 2 days from awareness",
            // 15 days ending on Saturday 28 November move to the end of Monday (3(4)).
            "ANY_SERIOUS_INCIDENT,           2026-11-13T10:00:00Z, FR, 2026-11-30T23:00:00Z, MDR 87(3) serious incident: 15 days from awareness",
    })
    void mdrDaysOnTheArticle73Calendar(MdrCase mdrCase, Instant awareAt, String memberState, Instant dueAt, String basis) {
        StageClock due = clock.clock(RegimeStage.MDR_REPORT, RegimeFacts.awareAt(awareAt).withMdrCase(mdrCase), memberState);

        assertThat(due.state()).isEqualTo(StageClock.State.DUE);
        assertThat(due.dueAt()).isEqualTo(dueAt);
        assertThat(due.basis()).isEqualTo(basis);
    }

    @Test
    void theDoraFinalReportRunsFromTheLatestIntermediateReport() {
        RegimeFacts facts = RegimeFacts.awareAt(MONDAY_MORNING).withDoraClassifiedAt(MONDAY_MORNING)
                .withSubmission(RegimeStage.DORA_INITIAL, Instant.parse("2026-03-02T10:00:00Z"))
                .withSubmission(RegimeStage.DORA_INTERMEDIATE, Instant.parse("2026-03-04T10:00:00Z"))
                .withSubmission(RegimeStage.DORA_INTERMEDIATE, Instant.parse("2026-03-09T15:00:00Z"));

        assertThat(clock.clocks(Regime.DORA, facts, "FR"))
                .extracting(StageClock::stage, StageClock::state, StageClock::dueAt)
                .containsExactly(
                        tuple(RegimeStage.DORA_INITIAL, StageClock.State.DUE, Instant.parse("2026-03-02T12:00:00Z")),
                        tuple(RegimeStage.DORA_INTERMEDIATE, StageClock.State.DUE, Instant.parse("2026-03-05T10:00:00Z")),
                        tuple(RegimeStage.DORA_FINAL, StageClock.State.DUE, Instant.parse("2026-04-09T14:00:00Z")));
    }

    @Test
    void aNis2FinalReportAfterAProgressReportRunsFromTheHandlingOfTheIncident() {
        RegimeFacts ongoing = RegimeFacts.awareAt(MONDAY_MORNING)
                .withSubmission(RegimeStage.NIS2_NOTIFICATION, Instant.parse("2026-01-31T10:00:00Z"))
                .withSubmission(RegimeStage.NIS2_PROGRESS, Instant.parse("2026-02-27T10:00:00Z"));

        assertThat(clock.clock(RegimeStage.NIS2_FINAL, ongoing, "FR").basis())
                .isEqualTo("waits for the incident being handled (a progress report was submitted)");

        StageClock finalReport = clock.clock(RegimeStage.NIS2_FINAL, ongoing.withNis2HandledAt(Instant.parse("2026-03-10T09:00:00Z")), "FR");
        assertThat(finalReport.dueAt()).isEqualTo(Instant.parse("2026-04-10T08:00:00Z"));
        assertThat(finalReport.basis()).isEqualTo("NIS2 23(4)(d): 1 month from the handling of the incident (23(4)(e))");
    }

    @Test
    void aNis2IntermediateReportIsDueOnlyWhenTheAuthorityAsksAndByTheDateItSets() {
        RegimeFacts facts = RegimeFacts.awareAt(MONDAY_MORNING);
        assertThat(clock.clock(RegimeStage.NIS2_INTERMEDIATE, facts, "DE").basis()).isEqualTo("waits for the authority's request");

        StageClock requested = clock.clock(RegimeStage.NIS2_INTERMEDIATE, facts.withNis2IntermediateRequest(
                Instant.parse("2026-03-04T09:00:00Z"), Instant.parse("2026-03-06T16:00:00Z")), "DE");
        assertThat(requested.state()).isEqualTo(StageClock.State.DUE);
        assertThat(requested.dueAt()).isEqualTo(Instant.parse("2026-03-06T16:00:00Z"));
        assertThat(requested.localDue().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-06T17:00+01:00"));
    }

    @Test
    void stagesWithoutAnHourOrDayLimitSaySoInsteadOfInventingOne() {
        RegimeFacts facts = RegimeFacts.awareAt(MONDAY_MORNING).withMdrCase(MdrCase.ANY_SERIOUS_INCIDENT);

        assertThat(clock.clock(RegimeStage.GDPR_DATA_SUBJECTS, facts, "FR").state()).isEqualTo(StageClock.State.NO_TIME_LIMIT);
        assertThat(clock.clock(RegimeStage.MDR_COMPLETE, facts, "FR").state()).isEqualTo(StageClock.State.WAITING);
        assertThat(clock.clock(RegimeStage.MDR_COMPLETE, facts.withSubmission(RegimeStage.MDR_REPORT, MONDAY_MORNING), "FR").state())
                .isEqualTo(StageClock.State.NO_TIME_LIMIT);
        assertThat(clock.clock(RegimeStage.DORA_INITIAL, facts, "FR").basis()).isEqualTo("waits for the classification as major");
    }

    @Test
    void aGdprNotificationAfter72HoursIsLateNotRefused() {
        StageClock notification = clock.clock(RegimeStage.GDPR_NOTIFICATION, RegimeFacts.awareAt(MONDAY_MORNING), "FR");

        assertThat(notification.metBy(Instant.parse("2026-03-05T07:59:59Z"))).isTrue();
        // The limit is exclusive, like an Art. 73 deadline's endsAt.
        assertThat(notification.metBy(Instant.parse("2026-03-05T08:00:00Z"))).isFalse();
        assertThat(notification.timeLeft(Instant.parse("2026-03-05T10:00:00Z")).toHours()).isEqualTo(-2);
    }

    @Test
    void aDoraClassificationBeforeAwarenessIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RegimeFacts.awareAt(MONDAY_MORNING).withDoraClassifiedAt(MONDAY_MORNING.minusSeconds(1)))
                .withMessageContaining("DORA classification");
    }

    @Test
    void anMdrIncidentWithoutItsArticle87CaseHasNoClock() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> clock.clock(RegimeStage.MDR_REPORT, RegimeFacts.awareAt(MONDAY_MORNING), "FR"))
                .withMessageContaining("Art. 87");
    }

    @Test
    void thePeriodsAreConfigurationForNationalLawOrStricterPolicies() {
        RegimeClock national = RegimeCalendars.clock(Map.of(
                "aiact.regimes.periods.nis2-notification", "PT48H",
                "aiact.regimes.periods.mdr-serious-incident-days", "10"));
        RegimeFacts facts = RegimeFacts.awareAt(MONDAY_MORNING).withMdrCase(MdrCase.ANY_SERIOUS_INCIDENT);

        assertThat(national.clock(RegimeStage.NIS2_NOTIFICATION, facts, "DE").dueAt()).isEqualTo(Instant.parse("2026-03-04T08:00:00Z"));
        assertThat(national.clock(RegimeStage.MDR_REPORT, facts, "FR").dueAt()).isEqualTo(Instant.parse("2026-03-12T23:00:00Z"));
        assertThatThrownBy(() -> RegimeCalendars.bind(Map.of("aiact.regimes.periods.gdpr-notification", "PT0H")))
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aiact.regimes.periods");
    }

    @Test
    void everyRegimeListsItsStagesInOrder() {
        assertThat(RegimeStage.of(Regime.GDPR)).containsExactly(RegimeStage.GDPR_NOTIFICATION, RegimeStage.GDPR_DATA_SUBJECTS);
        assertThat(RegimeStage.of(Regime.MDR)).containsExactly(RegimeStage.MDR_REPORT, RegimeStage.MDR_COMPLETE);
    }

    private static void assertDue(StageClock due, Instant startsAt, Instant dueAt, OffsetDateTime localDue, String basis) {
        assertThat(due.state()).isEqualTo(StageClock.State.DUE);
        assertThat(due.startsAt()).isEqualTo(startsAt);
        assertThat(due.dueAt()).isEqualTo(dueAt);
        assertThat(due.localDue().toOffsetDateTime()).isEqualTo(localDue);
        assertThat(due.basis()).isEqualTo(basis);
    }
}
