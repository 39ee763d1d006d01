package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.aiactops.notification.Mailer;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.regimes.MdrCase;
import io.aiactops.regimes.Regime;
import io.aiactops.regimes.RegimeCalendars;
import io.aiactops.regimes.RegimeClock;
import io.aiactops.regimes.RegimeFacts;
import io.aiactops.regimes.RegimeStage;
import io.aiactops.regimes.StageClock;
import io.aiactops.support.EngineClock;
import io.aiactops.support.ProcessTestEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of regime-reporting: GDPR notified or not needed and the Art. 34 decision; NIS2 with the final
 * report at once, after a progress report, and after an intermediate report on request; DORA's three stages
 * chained to their submissions; MDR complete at once or after an incomplete report; each stage's reminder and
 * escalation timers; a refused submission; the case told when its last regime finishes. The clocks are the
 * real {@link RegimeClock} over the facts the submissions record.
 */
@Deployment(resources = {"regime-reporting.bpmn", "submit-regime-report.form", "decide-gdpr-notification.form",
        "decide-gdpr-data-subjects.form", "record-incident-handled.form"})
class RegimeReportingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final String CASE = "INC-2026-00007";
    private static final Instant AWARE_AT = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    private static final IncidentsProperties PROPERTIES = new IncidentsProperties(
            new IncidentsProperties.ReportingPeriods(15, 10, 2),
            new IncidentsProperties.Reminders(0.5, Duration.ofHours(24), List.of(Roles.INCIDENT_MANAGERS, Roles.ADMINS)),
            Duration.ofDays(30));
    private static final RegimeClock CLOCK = RegimeCalendars.clock();

    private final RegimeReporting reporting = mock(RegimeReporting.class);
    private final OtherRegimesFinishedCorrelation correlation = mock(OtherRegimesFinishedCorrelation.class);
    private final Mailer mailer = mock(Mailer.class);
    /** What the mocked store holds: the facts the recorded submissions update. */
    private RegimeFacts facts;

    @BeforeEach
    void registerDelegates() {
        facts = RegimeFacts.awareAt(AWARE_AT).withDoraClassifiedAt(AWARE_AT.plusSeconds(600))
                .withMdrCase(MdrCase.DEATH_OR_SERIOUS_DETERIORATION);
        when(reporting.clocks(eq(CASE), any())).thenAnswer(call -> CLOCK.clocks(call.getArgument(1), facts, "FR"));
        doAnswer(call -> {
            RegimeSubmission submission = call.getArgument(1);
            facts = facts.withSubmission(submission.stage(), Instant.now());
            return null;
        }).when(reporting).record(eq(CASE), any(), anyString());
        doAnswer(call -> {
            Instant requestedAt = call.getArgument(1);
            facts = facts.withNis2IntermediateRequest(requestedAt == null ? Instant.now() : requestedAt, call.getArgument(2));
            return null;
        }).when(reporting).recordIntermediateRequest(eq(CASE), any(), any(), anyString());
        doAnswer(call -> {
            facts = facts.withNis2HandledAt(call.getArgument(1));
            return null;
        }).when(reporting).recordHandled(eq(CASE), any(), anyString());
        when(reporting.unsent(eq(CASE), any())).thenReturn(List.of(new RegimeReporting.Pending(3, CASE, Regime.DORA,
                RegimeStage.DORA_INITIAL, "FR", "incidents@acpr.example", "{}", "<html></html>")), List.of());
        when(mailer.send(anyList(), anyString(), anyString(), anyList())).thenReturn("<regime@test>");
        Mocks.register("checkRegimeStageListener", new CheckRegimeStageListener(reporting));
        Mocks.register("recordRegimeStageDelegate", new RecordRegimeStageDelegate(reporting, PROPERTIES));
        Mocks.register("sendRegimeReportsDelegate", new SendRegimeReportsDelegate(reporting, mailer));
        Mocks.register("sendStageReminderDelegate", new SendStageReminderDelegate(mailer, reporting, EngineClock.INSTANCE));
        Mocks.register("escalateMissedStageDelegate", new EscalateMissedStageDelegate(mailer, reporting, PROPERTIES));
        Mocks.register("checkIncidentHandledListener", new CheckIncidentHandledListener(reporting));
        Mocks.register("recordIncidentHandledDelegate", new RecordIncidentHandledDelegate(reporting, PROPERTIES));
        Mocks.register("finishRegimeReportingDelegate", new FinishRegimeReportingDelegate(reporting, correlation));
    }

    @AfterEach
    void clear() {
        Mocks.reset();
    }

    @Test
    void gdprNotifiedByMailThenTheDataSubjectsDecisionFinishesTheRegime() {
        ProcessInstance gdpr = start(Regime.GDPR);
        assertThat(gdpr).isWaitingAt(RegimeReportingProcess.submitTask(RegimeStage.GDPR_NOTIFICATION));
        assertThat(task(gdpr)).hasCandidateGroup(Roles.INCIDENT_MANAGERS).hasDueDate(Date.from(AWARE_AT.plus(Duration.ofHours(72))));

        submit(gdpr, withVariables("reportSummary", "Scores of 1,200 applicants exposed", "notificationNeeded", true));
        verify(reporting).record(eq(CASE), argThat(s -> s.stage() == RegimeStage.GDPR_NOTIFICATION
                && s.outcome() == RegimeSubmission.Outcome.SUBMITTED && !s.throughPortal()), eq("ines"));
        execute(job(RegimeReportingProcess.sendTask(RegimeStage.GDPR_NOTIFICATION)));
        verify(mailer).send(eq(List.of("incidents@acpr.example")), anyString(), contains("SHA-256"), anyList());
        verify(reporting).markSent(any(), eq("<regime@test>"), eq("ines"));

        assertThat(gdpr).isWaitingAt(RegimeReportingProcess.TASK_DECIDE_GDPR_DATA_SUBJECTS)
                .variables().doesNotContainKey("reportSummary");
        submit(gdpr, withVariables("dataSubjectsTold", true));

        verify(reporting).record(eq(CASE), argThat(s -> s.stage() == RegimeStage.GDPR_DATA_SUBJECTS
                && s.outcome() == RegimeSubmission.Outcome.TOLD), eq("ines"));
        assertThat(gdpr).isEnded().hasPassed(RegimeReportingProcess.TASK_TELL_CASE_REGIME_FINISHED);
        verify(reporting).finish(CASE, Regime.GDPR, "ines");
        verify(correlation).ifAllDone(CASE);
    }

    @Test
    void gdprDecidedNotNeededWithItsReasonAndNoDataSubjectsToldUnderAnException() {
        ProcessInstance gdpr = start(Regime.GDPR);

        submit(gdpr, withVariables("notificationNeeded", false, "notNeededReason", "Only pseudonymised scores, no risk"));
        execute(job(RegimeReportingProcess.sendTask(RegimeStage.GDPR_NOTIFICATION)));
        submit(gdpr, withVariables("dataSubjectsTold", false, "dataSubjectsException", "no high risk to the data subjects"));

        verify(reporting).record(eq(CASE), argThat(s -> s.outcome() == RegimeSubmission.Outcome.NOT_NEEDED
                && "Only pseudonymised scores, no risk".equals(s.reason())), eq("ines"));
        verify(reporting).record(eq(CASE), argThat(s -> s.outcome() == RegimeSubmission.Outcome.NOT_TOLD
                && "no high risk to the data subjects".equals(s.reason())), eq("ines"));
        assertThat(gdpr).isEnded();
    }

    @Test
    void aSubmissionThatCannotBeRecordedKeepsTheTaskOpenAndRecordsNothing() {
        ProcessInstance gdpr = start(Regime.GDPR);
        doThrow(new InvalidFieldException("portalReference", "a submission through the authority's portal needs the reference"))
                .when(reporting).validate(eq(CASE), any());

        assertThatThrownBy(() -> submit(gdpr, withVariables("submittedThroughPortal", true)))
                .hasMessageContaining("portalReference");

        assertThat(gdpr).isWaitingAt(RegimeReportingProcess.submitTask(RegimeStage.GDPR_NOTIFICATION));
        verify(reporting, never()).record(anyString(), any(), anyString());
    }

    @Test
    void nis2EarlyWarningNotificationAndFinalReportTheFinalDueAMonthAfterTheNotification() {
        ProcessInstance nis2 = start(Regime.NIS2);
        assertThat(task(nis2)).hasDueDate(Date.from(AWARE_AT.plus(Duration.ofHours(24))));
        submitReport(nis2, RegimeStage.NIS2_EARLY_WARNING);
        submitReport(nis2, RegimeStage.NIS2_NOTIFICATION);

        assertThat(nis2).isWaitingAt(RegimeReportingProcess.submitTask(RegimeStage.NIS2_FINAL));
        Instant notified = facts.submittedAt().get(RegimeStage.NIS2_NOTIFICATION);
        assertThat(task(nis2)).hasDueDate(Date.from(notified.atZone(java.time.ZoneId.of("Europe/Paris")).plusMonths(1).toInstant()));
        submitReport(nis2, RegimeStage.NIS2_FINAL);

        assertThat(nis2).isEnded().hasNotPassed(RegimeReportingProcess.TASK_RECORD_NIS2_INCIDENT_HANDLED,
                RegimeReportingProcess.submitTask(RegimeStage.NIS2_INTERMEDIATE));
        verify(reporting).finish(CASE, Regime.NIS2, "ines");
    }

    @Test
    void nis2ProgressReportThenTheEndOfTheIncidentSetsTheFinalReportOneMonthAfterIt() {
        ProcessInstance nis2 = start(Regime.NIS2);
        submitReport(nis2, RegimeStage.NIS2_EARLY_WARNING);
        submitReport(nis2, RegimeStage.NIS2_NOTIFICATION);
        submit(nis2, withVariables("reportSummary", "Still ongoing", "nis2ReportKind", "progress"));
        verify(reporting).record(eq(CASE), argThat(s -> s.stage() == RegimeStage.NIS2_PROGRESS), eq("ines"));
        execute(job(RegimeReportingProcess.sendTask(RegimeStage.NIS2_FINAL)));

        assertThat(nis2).isWaitingAt(RegimeReportingProcess.TASK_RECORD_NIS2_INCIDENT_HANDLED);
        Instant handled = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        submit(nis2, withVariables("handledAt", handled.toString()));

        verify(reporting).recordHandled(CASE, handled, "ines");
        assertThat(nis2).isWaitingAt(RegimeReportingProcess.submitTask(RegimeStage.NIS2_FINAL));
        assertThat(task(nis2)).hasDueDate(Date.from(handled.atZone(java.time.ZoneId.of("Europe/Paris")).plusMonths(1).toInstant()));
        submit(nis2, withVariables("reportSummary", "Handled", "nis2ReportKind", "final"));
        execute(job(RegimeReportingProcess.sendTask(RegimeStage.NIS2_FINAL)));
        assertThat(nis2).isEnded();
    }

    @Test
    void nis2IntermediateReportOnRequestIsDueWhenTheRequestSaysThenTheFinalReport() {
        ProcessInstance nis2 = start(Regime.NIS2);
        submitReport(nis2, RegimeStage.NIS2_EARLY_WARNING);
        submitReport(nis2, RegimeStage.NIS2_NOTIFICATION);
        Instant requestDue = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        submit(nis2, withVariables("nis2ReportKind", "intermediate_requested", "requestDueAt", requestDue.toString()));
        execute(job(RegimeReportingProcess.sendTask(RegimeStage.NIS2_FINAL)));

        assertThat(nis2).isWaitingAt(RegimeReportingProcess.submitTask(RegimeStage.NIS2_INTERMEDIATE));
        assertThat(task(nis2)).hasDueDate(Date.from(requestDue));
        submitReport(nis2, RegimeStage.NIS2_INTERMEDIATE);
        assertThat(nis2).isWaitingAt(RegimeReportingProcess.submitTask(RegimeStage.NIS2_FINAL));
        submitReport(nis2, RegimeStage.NIS2_FINAL);
        assertThat(nis2).isEnded();
    }

    @Test
    void doraInitialIntermediateAndFinalEachGetTheirDueDateWhenThePreviousIsSubmitted() {
        ProcessInstance dora = start(Regime.DORA);
        assertThat(task(dora)).hasDueDate(Date.from(AWARE_AT.plusSeconds(600).plus(Duration.ofHours(4))));
        assertThat(dora).variables().doesNotContainKey(RegimeReportingVariables.dueAt(RegimeStage.DORA_INTERMEDIATE).name());

        submitReport(dora, RegimeStage.DORA_INITIAL);
        assertThat(task(dora)).hasDueDate(Date.from(facts.submittedAt().get(RegimeStage.DORA_INITIAL).plus(Duration.ofHours(72))));
        submitReport(dora, RegimeStage.DORA_INTERMEDIATE);
        assertThat(dora).isWaitingAt(RegimeReportingProcess.submitTask(RegimeStage.DORA_FINAL));
        submitReport(dora, RegimeStage.DORA_FINAL);

        assertThat(dora).isEnded();
        verify(reporting).finish(CASE, Regime.DORA, "ines");
    }

    @Test
    void mdrCompleteReportAtOnceFinishesTheRegime() {
        ProcessInstance mdr = start(Regime.MDR);
        submit(mdr, withVariables("reportSummary", "Device misclassified", "mdrReportComplete", true));
        execute(job(RegimeReportingProcess.sendTask(RegimeStage.MDR_REPORT)));

        assertThat(mdr).isEnded().hasNotPassed(RegimeReportingProcess.submitTask(RegimeStage.MDR_COMPLETE));
    }

    @Test
    void mdrIncompleteReportIsFollowedByTheCompleteReport() {
        ProcessInstance mdr = start(Regime.MDR);
        assertThat(task(mdr)).hasDueDate(Date.from(CLOCK.clock(RegimeStage.MDR_REPORT, facts, "FR").dueAt()));
        submit(mdr, withVariables("reportSummary", "Device misclassified", "mdrReportComplete", false));
        execute(job(RegimeReportingProcess.sendTask(RegimeStage.MDR_REPORT)));

        assertThat(mdr).isWaitingAt(RegimeReportingProcess.submitTask(RegimeStage.MDR_COMPLETE));
        org.assertj.core.api.Assertions.assertThat(task(mdr).getDueDate()).isNull();
        submitReport(mdr, RegimeStage.MDR_COMPLETE);
        assertThat(mdr).isEnded();
    }

    static Stream<RegimeStage> timedStages() {
        return Stream.of(RegimeStage.GDPR_NOTIFICATION, RegimeStage.NIS2_EARLY_WARNING, RegimeStage.DORA_INITIAL,
                RegimeStage.MDR_REPORT);
    }

    @ParameterizedTest
    @MethodSource("timedStages")
    void aStageRemindsHalfWayAndEscalatesAtItsDeadline(RegimeStage stage) {
        ProcessInstance instance = start(stage.regime());
        StageClock clock = CLOCK.clock(stage, facts, "FR");
        Instant due = clock.dueAt();
        Job reminder = job(RegimeReportingProcess.reminderTimer(stage), instance);
        Job deadline = job(RegimeReportingProcess.deadlineTimer(stage), instance);
        org.assertj.core.api.Assertions.assertThat(reminder.getDuedate().toInstant())
                .isEqualTo(clock.startsAt().plus(Duration.between(clock.startsAt(), due).dividedBy(2)).truncatedTo(ChronoUnit.MILLIS));
        org.assertj.core.api.Assertions.assertThat(deadline.getDuedate()).isEqualTo(Date.from(due));

        execute(reminder);
        execute(job("Task_Remind" + RegimeReportingProcess.elementName(stage), instance));
        execute(deadline);
        execute(job("Task_Escalate" + RegimeReportingProcess.elementName(stage), instance));

        verify(mailer).toGroups(eq(List.of(Roles.INCIDENT_MANAGERS)), contains("Reminder"), contains(stage.title()));
        verify(mailer).toGroups(eq(List.of(Roles.INCIDENT_MANAGERS, Roles.ADMINS)), contains("DEADLINE MISSED"), contains(CASE));
        assertThat(instance).hasPassed(RegimeReportingProcess.reminderEnd(stage), RegimeReportingProcess.escalationEnd(stage))
                .isWaitingAt(RegimeReportingProcess.submitTask(stage));
    }

    @Test
    void submittingAStageCancelsItsTimers() {
        ProcessInstance dora = start(Regime.DORA);
        submitReport(dora, RegimeStage.DORA_INITIAL);

        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(dora.getId())
                .timers().activityId(RegimeReportingProcess.reminderTimer(RegimeStage.DORA_INITIAL)).count()).isZero();
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(dora.getId())
                .timers().activityId(RegimeReportingProcess.reminderTimer(RegimeStage.DORA_INTERMEDIATE)).count()).isOne();
    }

    @Test
    void aWaivedRegimeEndsWhereverItStandsWithItsTaskAndTimers() {
        ProcessInstance dora = start(Regime.DORA);
        ProcessInstance gdpr = start(Regime.GDPR);
        RegimeWaiver waiver = new RegimeWaiver(reporting, runtimeService(), correlation);

        waiver.waive(CASE, Regime.DORA, "The supervisor confirmed it is not major", "ines");

        verify(reporting).waive(CASE, Regime.DORA, "The supervisor confirmed it is not major", "ines");
        assertThat(dora).isEnded().hasPassed(RegimeReportingProcess.END_REGIME_WAIVED)
                .hasNotPassed(RegimeReportingProcess.TASK_TELL_CASE_REGIME_FINISHED);
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(dora.getId()).count())
                .isZero();
        assertThat(gdpr).isWaitingAt(RegimeReportingProcess.submitTask(RegimeStage.GDPR_NOTIFICATION));
        verify(correlation).ifAllDone(CASE);
    }

    private ProcessInstance start(Regime regime) {
        Map<String, Object> variables = RegimeReportingVariables.start(CASE, "sys-a", regime);
        variables.putAll(RegimeReportingVariables.clocks(CLOCK.clocks(regime, facts, "FR"), PROPERTIES.reminders()));
        return runtimeService().startProcessInstanceByKey(RegimeReportingProcess.KEY, CASE, variables);
    }

    /** Submits the waiting stage's report by mail and lets its send job run. */
    private void submitReport(ProcessInstance instance, RegimeStage stage) {
        assertThat(instance).isWaitingAt(RegimeReportingProcess.submitTask(stage));
        submit(instance, withVariables("reportSummary", "What is known at " + stage.wireName()));
        execute(job(RegimeReportingProcess.sendTask(stage)));
    }

    private static void submit(ProcessInstance instance, Map<String, Object> variables) {
        taskService().claim(task(instance).getId(), "ines");
        complete(task(instance), variables);
    }
}
