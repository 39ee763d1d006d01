package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.aiactops.calendar.Adjustment;
import io.aiactops.calendar.Calendars;
import io.aiactops.calendar.Deadline;
import io.aiactops.calendar.TimeLimit;
import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.correctiveaction.CorrectiveActionRequested;
import io.aiactops.maintenance.CorrectiveAction;
import io.aiactops.maintenance.CorrectiveActionProcess;
import io.aiactops.maintenance.CorrectiveActionRequestCorrelation;
import io.aiactops.maintenance.CorrectiveActions;
import io.aiactops.maintenance.MaintenanceProperties;
import io.aiactops.maintenance.OpenCorrectiveActionDelegate;
import io.aiactops.notification.Mailer;
import io.aiactops.notification.TrackedMail;
import io.aiactops.notification.TrackedRecipients;
import io.aiactops.platform.security.Roles;
import io.aiactops.regimes.Regime;
import io.aiactops.regimes.RegimeChoice;
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
import org.springframework.mail.MailSendException;

/**
 * Every path of serious-incident: not reportable (with and without a corrective action), reportable
 * with initial, follow-up and final reports, a combined report, the two reminders and the escalation,
 * an SMTP outage that ends in a Cockpit incident, the start of the other regimes' reporting, and a case that
 * waits to close until they are finished (by their message, or on its daily check).
 */
@Deployment(resources = {"serious-incident.bpmn", "report-serious-incident.form", "classify-incident.form",
        "prepare-authority-report.form", "investigate-root-cause.form", "review-risk-assessment.form",
        "corrective-action.bpmn", "decide-corrective-action.form", "verify-effectiveness.form"})
class SeriousIncidentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final String CASE = "INC-2026-00001";
    private static final String ACTION = "CA-2026-00001";
    private static final Instant AWARE_AT = Instant.now().minus(Duration.ofHours(1));
    private static final Instant DUE = AWARE_AT.plus(Duration.ofDays(15));
    private static final IncidentsProperties PROPERTIES = new IncidentsProperties(
            new IncidentsProperties.ReportingPeriods(15, 10, 2),
            new IncidentsProperties.Reminders(0.5, Duration.ofHours(24), List.of(Roles.INCIDENT_MANAGERS, Roles.ADMINS)),
            Duration.ofDays(30));

    private final IncidentCases cases = mock(IncidentCases.class);
    private final AuthorityReports reports = mock(AuthorityReports.class);
    private final OperatorNotifications operators = mock(OperatorNotifications.class);
    private final TrackedRecipients recipients = mock(TrackedRecipients.class);
    private final TrackedRecipients.Tracked deployer = new TrackedRecipients.Tracked(1, CASE, "DEPLOYER", "Bank",
            "ops@bank.example", null, null, null, null);
    private final Mailer mailer = mock(Mailer.class);
    private final CorrectiveActions correctiveActions = mock(CorrectiveActions.class);
    private final RegimeReportingStarter regimeStarter = mock(RegimeReportingStarter.class);
    private final RegimeReporting regimes = mock(RegimeReporting.class);

    @BeforeEach
    void registerDelegates() {
        when(cases.open(any(), anyString())).thenReturn(CASE);
        when(cases.get(CASE)).thenReturn(openCase());
        when(reports.prepare(eq(CASE), any(), anyString())).thenReturn(1, 2, 3);
        when(reports.unsent(CASE)).thenReturn(List.of(new AuthorityReports.Pending(7, CASE, 1, ReportType.INITIAL, "FR",
                "msa@fr.example", "{}", "<html></html>", null)));
        when(mailer.send(anyList(), anyString(), anyString(), anyList())).thenReturn("<id@test>");
        when(mailer.send(anyList(), anyString(), anyString())).thenReturn("<op@test>");
        when(recipients.unsent(eq(CASE), any())).thenReturn(List.of(deployer));
        when(recipients.mintToken(deployer)).thenReturn("token");
        Mocks.register("openIncidentCaseDelegate", new OpenIncidentCaseDelegate(cases, engine.getIdentityService(), IncidentCalendars.clock()));
        Mocks.register("checkClassificationListener", new CheckClassificationListener(cases));
        Mocks.register("recordClassificationDelegate", new RecordClassificationDelegate(cases, PROPERTIES));
        Mocks.register("placeEvidenceHoldDelegate", new PlaceEvidenceHoldDelegate(cases));
        Mocks.register("recordNotReportableDelegate", new RecordNotReportableDelegate(cases));
        Mocks.register("checkAuthorityReportListener", new CheckAuthorityReportListener(reports));
        Mocks.register("recordAuthorityReportDelegate", new RecordAuthorityReportDelegate(reports, PROPERTIES, EngineClock.INSTANCE));
        Mocks.register("sendAuthorityReportsDelegate", new SendAuthorityReportsDelegate(reports, mailer));
        Mocks.register("sendDeadlineReminderDelegate", new SendDeadlineReminderDelegate(mailer, EngineClock.INSTANCE));
        Mocks.register("escalateMissedDeadlineDelegate", new EscalateMissedDeadlineDelegate(mailer, PROPERTIES));
        Mocks.register("informOperatorsDelegate", new InformOperatorsDelegate(operators, cases, new TrackedMail(recipients), mailer));
        Mocks.register("checkInvestigationListener", new CheckInvestigationListener());
        Mocks.register("recordInvestigationDelegate", new RecordInvestigationDelegate(cases));
        // The real hand-over: the event starts corrective-action, whose first step opens its case.
        Mocks.register("requestCorrectiveActionDelegate", new RequestCorrectiveActionDelegate(cases,
                event -> new CorrectiveActionRequestCorrelation(engine.getRuntimeService()).on((CorrectiveActionRequested) event)));
        when(correctiveActions.open(any(), anyString())).thenReturn(ACTION);
        when(correctiveActions.get(ACTION)).thenReturn(new CorrectiveAction(ACTION, "sys-a", "Refusal rate drifts",
                "serious_incident", CASE, null, null, null, null, null, null, null, null, null, null, null, null, "OPEN", null,
                List.of(), Instant.now(), "ines", null, null, null));
        Mocks.register("openCorrectiveActionDelegate", new OpenCorrectiveActionDelegate(correctiveActions,
                new MaintenanceProperties(15, Duration.ofDays(7), Duration.ofDays(7)), Calendars.timeLimits()));
        Mocks.register("closeIncidentCaseDelegate", new CloseIncidentCaseDelegate(cases));
        Mocks.register("startRegimeReportingDelegate", new StartRegimeReportingDelegate(regimeStarter));
        Mocks.register("checkOtherRegimesDelegate", new CheckOtherRegimesDelegate(regimes));
    }

    @AfterEach
    void clear() {
        Mocks.reset();
    }

    @Test
    void aReportedIncidentOpensACaseThatIncidentManagersClassifyWithinTheShortestPeriod() {
        ProcessInstance incident = start();

        assertThat(incident).isWaitingAt(SeriousIncidentProcess.TASK_CLASSIFY).hasBusinessKey(CASE)
                .variables().containsEntry(SeriousIncidentVariables.INCIDENT_ID.name(), CASE);
        assertThat(task(incident)).hasCandidateGroup(Roles.INCIDENT_MANAGERS)
                .hasDueDate(java.util.Date.from(AWARE_AT.plus(Duration.ofDays(2))));
        verify(cases).attachProcess(CASE, incident.getId());
        assertThat(incident).variables().containsEntry(SeriousIncidentVariables.MDR_APPLIES.name(), false)
                .containsEntry(SeriousIncidentVariables.CLASSIFICATION_DUE_IN_WORDS.name(),
                        IncidentCalendars.clock().inWords(AWARE_AT.plus(Duration.ofDays(2)), "FR"));
    }

    @Test
    void aSystemUnderASectoralRegimeHasMdrPreselectedInTheClassification() {
        when(cases.underSectoralRegime(CASE)).thenReturn(true);

        ProcessInstance incident = start();

        assertThat(incident).isWaitingAt(SeriousIncidentProcess.TASK_CLASSIFY)
                .variables().containsEntry(SeriousIncidentVariables.MDR_APPLIES.name(), true);
    }

    @Test
    void aNonSeriousIncidentIsRecordedAsFinalNonReportableAndClosed() {
        ProcessInstance incident = start();
        when(cases.classify(eq(CASE), any(), eq("ines")))
                .thenReturn(new Reportability.Outcome(false, "not a serious incident: a test alert", null));

        classify(incident, Map.of("serious", false, "classificationRationale", "a test alert"));

        assertThat(incident).isEnded().hasPassed(SeriousIncidentProcess.TASK_RECORD_NOT_REPORTABLE,
                SeriousIncidentProcess.TASK_CLOSE_CASE).hasNotPassed(SeriousIncidentProcess.TASK_PLACE_EVIDENCE_HOLD,
                SeriousIncidentProcess.TASK_REQUEST_CORRECTIVE_ACTION);
        verify(cases).recordStep(new IncidentRecorded.NotReportable(CASE, "Not reportable — not a serious incident: a test alert"),
                "ines");
        verify(cases).close(CASE, "Not reportable — not a serious incident: a test alert", "ines");
    }

    @Test
    void aNonReportableIncidentCanStillRequestACorrectiveActionWhichStartsTheCorrectiveActionProcess() {
        ProcessInstance incident = start();
        when(cases.classify(eq(CASE), any(), eq("ines")))
                .thenReturn(new Reportability.Outcome(false, "not a serious incident: no harm", null));

        classify(incident, Map.of("serious", false, "classificationRationale", "no harm",
                "correctiveActionRequested", true, "correctiveActionReason", "Refusal rate drifts"));

        assertThat(incident).isEnded().hasPassed(SeriousIncidentProcess.TASK_REQUEST_CORRECTIVE_ACTION,
                SeriousIncidentProcess.TASK_CLOSE_CASE);
        ProcessInstance action = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(CorrectiveActionProcess.KEY).singleResult();
        assertThat(action).hasPassed(CorrectiveActionProcess.TASK_OPEN).isWaitingAt(CorrectiveActionProcess.TASK_DECIDE)
                .hasBusinessKey(ACTION).variables().containsEntry("aiSystemId", "sys-a")
                .containsEntry("reason", "Refusal rate drifts").containsEntry("origin", "serious_incident")
                .containsEntry("reference", CASE).containsEntry("requestedBy", "ines");
        verify(correctiveActions).open(argThat(r -> r.origin() == CorrectiveActionOrigin.SERIOUS_INCIDENT
                && CASE.equals(r.reference()) && "Refusal rate drifts".equals(r.reason()) && "sys-a".equals(r.aiSystemId())),
                eq("ines"));
        verify(cases).recordStep(new IncidentRecorded.CorrectiveActionRequested(CASE, "Refusal rate drifts"), "ines");
    }

    @Test
    void theRegimesTickedAsApplyingStartTheirReportingWhetherOrNotTheIncidentIsReportable() {
        ProcessInstance incident = start();
        when(cases.classify(eq(CASE), any(), eq("ines")))
                .thenReturn(new Reportability.Outcome(false, "not a serious incident: a data breach", null));
        when(regimes.unfinished(CASE)).thenReturn(List.of(Regime.GDPR));

        classify(incident, Map.of("serious", false, "classificationRationale", "a data breach", "gdprApplies", true));

        verify(regimeStarter).start(CASE, "sys-a", List.of(new RegimeChoice(Regime.GDPR, null, null, false, null)), "ines");
        assertThat(incident).hasPassed(SeriousIncidentProcess.TASK_START_REGIME_REPORTING,
                SeriousIncidentProcess.TASK_CHECK_OTHER_REGIMES).isWaitingAt(SeriousIncidentProcess.GATEWAY_WAIT_FOR_OTHER_REGIMES);
        verify(cases, never()).close(anyString(), anyString(), anyString());
    }

    @Test
    void aCaseWaitingForTheOtherRegimesClosesWhenTheLastOneFinishes() {
        ProcessInstance incident = waitingForGdpr();
        when(regimes.unfinished(CASE)).thenReturn(List.of());

        runtimeService().createMessageCorrelation(SeriousIncidentProcess.MESSAGE_OTHER_REGIMES_FINISHED)
                .processInstanceBusinessKey(CASE).correlate();

        assertThat(incident).isEnded().hasPassed(SeriousIncidentProcess.TASK_CLOSE_CASE);
        verify(cases).close(CASE, "Not reportable — not a serious incident: a data breach", "ines");
    }

    @Test
    void aCaseWaitingForTheOtherRegimesChecksAgainDailyAndClosesOnceTheyAreFinished() {
        ProcessInstance incident = waitingForGdpr();

        execute(job(SeriousIncidentProcess.CATCH_CHECK_AGAIN));
        assertThat(incident).isWaitingAt(SeriousIncidentProcess.GATEWAY_WAIT_FOR_OTHER_REGIMES);
        when(regimes.unfinished(CASE)).thenReturn(List.of());
        execute(job(SeriousIncidentProcess.CATCH_CHECK_AGAIN));

        assertThat(incident).isEnded().hasPassed(SeriousIncidentProcess.TASK_CLOSE_CASE);
        verify(regimes, times(3)).unfinished(CASE);
    }

    private ProcessInstance waitingForGdpr() {
        ProcessInstance incident = start();
        when(cases.classify(eq(CASE), any(), eq("ines")))
                .thenReturn(new Reportability.Outcome(false, "not a serious incident: a data breach", null));
        when(regimes.unfinished(CASE)).thenReturn(List.of(Regime.GDPR));
        classify(incident, Map.of("serious", false, "classificationRationale", "a data breach", "gdprApplies", true));
        return incident;
    }

    @Test
    void aClassificationThatCannotBeRecordedKeepsTheTaskOpen() {
        ProcessInstance incident = start();
        org.mockito.Mockito.doThrow(new io.aiactops.platform.web.InvalidFieldException("harms", "tick at least one harm"))
                .when(cases).validate(eq(CASE), any(Classification.class));

        assertThatThrownBy(() -> classify(incident, Map.of("serious", true))).hasMessageContaining("tick at least one harm");

        assertThat(incident).isWaitingAt(SeriousIncidentProcess.TASK_CLASSIFY);
    }

    @Test
    void aReportableIncidentIsHeldReportedInvestigatedAndClosedWithTheFinalReport() {
        ProcessInstance incident = reportable();

        assertThat(incident).hasPassed(SeriousIncidentProcess.TASK_PLACE_EVIDENCE_HOLD)
                .isWaitingAt(SeriousIncidentProcess.TASK_PREPARE_FIRST_REPORT);
        assertThat(task(incident)).hasDueDate(java.util.Date.from(DUE));
        verify(cases).placeHold(CASE, "ines");

        prepareReport(incident, "initial");
        execute(job(SeriousIncidentProcess.TASK_SEND_FIRST_REPORT));
        verify(mailer).send(eq(List.of("msa@fr.example")), anyString(), anyString(), anyList());
        verify(reports).markSent(any(), eq("<id@test>"), eq("ines"));
        execute(job(SeriousIncidentProcess.TASK_INFORM_OPERATORS));
        verify(mailer).send(eq(List.of("ops@bank.example")), anyString(), anyString());
        verify(recipients).sent(deployer, "<op@test>");

        investigate(incident, false);
        assertThat(incident).isWaitingAt(SeriousIncidentProcess.TASK_PREPARE_NEXT_REPORT);
        prepareReport(incident, "final_reportable");
        execute(job(SeriousIncidentProcess.TASK_SEND_NEXT_REPORT));

        assertThat(incident).isEnded().hasPassed(SeriousIncidentProcess.TASK_INVESTIGATE_ROOT_CAUSE,
                SeriousIncidentProcess.TASK_REVIEW_RISK_ASSESSMENT, SeriousIncidentProcess.TASK_CLOSE_CASE);
        verify(cases).close(CASE, "final report #2 sent to the authorities", "ines");
    }

    @Test
    void aFollowUpReportLeadsBackToTheInvestigationAndTheHoldIsReleasedWhenAuthoritiesKnowThePlannedChange() {
        ProcessInstance incident = reportable();
        prepareReport(incident, "initial");
        execute(job(SeriousIncidentProcess.TASK_SEND_FIRST_REPORT));
        execute(job(SeriousIncidentProcess.TASK_INFORM_OPERATORS));

        Date firstFollowUpDue = nextReportDueAt(incident);
        assertThat(task(incident)).hasDefinitionKey(SeriousIncidentProcess.TASK_INVESTIGATE_ROOT_CAUSE).hasDueDate(firstFollowUpDue);
        org.assertj.core.api.Assertions.assertThat(firstFollowUpDue.toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(1, ChronoUnit.MINUTES));
        investigate(incident, true);
        assertThat(task(incident)).hasDefinitionKey(SeriousIncidentProcess.TASK_PREPARE_NEXT_REPORT).hasDueDate(firstFollowUpDue);
        verify(cases).releaseHold(CASE, "authorities informed of the planned change: Retrain on Q4 data", "ines");
        prepareReport(incident, "follow_up");
        execute(job(SeriousIncidentProcess.TASK_SEND_NEXT_REPORT));

        assertThat(incident).isWaitingAt(SeriousIncidentProcess.TASK_INVESTIGATE_ROOT_CAUSE);
        org.assertj.core.api.Assertions.assertThat(nextReportDueAt(incident)).isAfterOrEqualTo(firstFollowUpDue);
        assertThat(task(incident)).hasDueDate(nextReportDueAt(incident));
        investigate(incident, false);
        prepareReport(incident, "final_reportable");
        execute(job(SeriousIncidentProcess.TASK_SEND_NEXT_REPORT));
        assertThat(incident).isEnded();
        verify(cases).close(CASE, "final report #3 sent to the authorities", "ines");
    }

    @Test
    void aCombinedInitialAndFinalReportClosesTheCaseWithoutInvestigationTasks() {
        ProcessInstance incident = reportable();
        prepareReport(incident, "combined");
        execute(job(SeriousIncidentProcess.TASK_SEND_FIRST_REPORT));
        execute(job(SeriousIncidentProcess.TASK_INFORM_OPERATORS));

        assertThat(incident).isEnded().hasNotPassed(SeriousIncidentProcess.TASK_INVESTIGATE_ROOT_CAUSE);
        verify(cases).close(CASE, "final report #1 sent to the authorities", "ines");
    }

    @Test
    void remindersAndTheEscalationFireOnTheirTimersWhileTheReportIsPending() {
        ProcessInstance incident = reportable();
        Job first = job(SeriousIncidentProcess.BOUNDARY_FIRST_REMINDER);
        Job second = job(SeriousIncidentProcess.BOUNDARY_SECOND_REMINDER);
        Job deadline = job(SeriousIncidentProcess.BOUNDARY_DEADLINE_REACHED);
        org.assertj.core.api.Assertions.assertThat(first.getDuedate().toInstant())
                .isEqualTo(AWARE_AT.plus(Duration.between(AWARE_AT, DUE).dividedBy(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        org.assertj.core.api.Assertions.assertThat(second.getDuedate()).isEqualTo(java.util.Date.from(DUE.minus(Duration.ofHours(24))));
        org.assertj.core.api.Assertions.assertThat(deadline.getDuedate()).isEqualTo(java.util.Date.from(DUE));

        execute(first);
        execute(job(SeriousIncidentProcess.TASK_SEND_FIRST_REMINDER));
        execute(second);
        execute(job(SeriousIncidentProcess.TASK_SEND_SECOND_REMINDER));
        execute(deadline);
        execute(job(SeriousIncidentProcess.TASK_ESCALATE_DEADLINE));

        verify(mailer, times(2)).toGroups(eq(List.of(Roles.INCIDENT_MANAGERS)), anyString(), anyString());
        verify(mailer).toGroups(eq(List.of(Roles.INCIDENT_MANAGERS, Roles.ADMINS)), org.mockito.ArgumentMatchers.contains("DEADLINE MISSED"), anyString());
        assertThat(incident).hasPassed(SeriousIncidentProcess.END_REMINDER_SENT, SeriousIncidentProcess.END_SECOND_REMINDER_SENT,
                SeriousIncidentProcess.END_DEADLINE_ESCALATED).isWaitingAt(SeriousIncidentProcess.TASK_PREPARE_FIRST_REPORT);
    }

    @Test
    void sendingTheFirstReportCancelsTheRemainingTimers() {
        ProcessInstance incident = reportable();
        prepareReport(incident, "initial");
        execute(job(SeriousIncidentProcess.TASK_SEND_FIRST_REPORT));

        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(incident.getId())
                .timers().count()).isZero();
        verify(mailer, never()).toGroups(anyList(), anyString(), anyString());
    }

    @Test
    void anSmtpOutageRetriesTheReportAndEndsInACockpitIncident() {
        when(mailer.send(anyList(), anyString(), anyString(), anyList())).thenThrow(new MailSendException("Connection refused"));
        ProcessInstance incident = reportable();
        prepareReport(incident, "initial");

        Job send = job(SeriousIncidentProcess.TASK_SEND_FIRST_REPORT);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(send.getId())).hasMessageContaining("Connection refused");
        }

        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().jobId(send.getId()).singleResult()
                .getRetries()).isZero();
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(incident.getId())
                .singleResult().getIncidentMessage()).contains("Connection refused");
        verify(reports, never()).markSent(any(), anyString(), anyString());
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(SeriousIncidentProcess.KEY, withVariables(
                "aiSystemId", "sys-a", "description", "Wrong refusals", "occurredAt", AWARE_AT.minusSeconds(3600).toString(),
                "awareAt", AWARE_AT.toString(), "reporter", "Claire", "reporterContact", "claire@bank.example",
                "memberStates", "FR", "personsAffected", 3L, "startedBy", "ines"));
    }

    private ProcessInstance reportable() {
        ProcessInstance incident = start();
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate lastDay = DUE.atZone(paris).toLocalDate();
        Deadline end = new Deadline(lastDay, DUE);
        ReportingDeadlines deadlines = new ReportingDeadlines(AWARE_AT, new ReportingPeriod(ReportingRule.GENERAL, 15),
                List.of(new TimeLimit("FR", paris, AWARE_AT.atZone(paris).toLocalDate(), end, end, Adjustment.NONE)));
        when(cases.classify(eq(CASE), any(), eq("ines"))).thenReturn(new Reportability.Outcome(true,
                deadlines.period().explanation(), deadlines));
        classify(incident, Map.of("serious", true, "harmHealth", true, "causalLink", "suspected",
                "causalLinkAt", AWARE_AT.toString()));
        return incident;
    }

    private void classify(ProcessInstance incident, Map<String, Object> variables) {
        asIncidentManager(incident);
        complete(task(incident), variables);
    }

    private void prepareReport(ProcessInstance incident, String type) {
        asIncidentManager(incident);
        complete(task(incident), withVariables("reportType", type, "rootCause", "Outdated rule"));
    }

    private static Date nextReportDueAt(ProcessInstance incident) {
        return (Date) runtimeService().getVariable(incident.getId(), SeriousIncidentVariables.NEXT_REPORT_DUE_AT.name());
    }

    private void investigate(ProcessInstance incident, boolean plannedChange) {
        asIncidentManager(incident);
        complete(task(incident), withVariables("investigationFindings", "Rule table from 2019 still deployed"));
        asIncidentManager(incident);
        complete(task(incident), withVariables("riskAssessmentReviewed", true, "riskAssessmentStillHolds", false,
                "plannedChangeNotified", plannedChange, "plannedChange", "Retrain on Q4 data"));
    }

    private static void asIncidentManager(ProcessInstance incident) {
        taskService().claim(task(incident).getId(), "ines");
    }

    private static IncidentCase openCase() {
        return new IncidentCase(CASE, "sys-a", "OPEN", null, "Wrong refusals", AWARE_AT.minusSeconds(3600), AWARE_AT,
                "Claire", "claire@bank.example", 3, null, "api", null, List.of("FR"), null, null, List.of(), null, null,
                List.of(), List.of(), List.of(), null, AWARE_AT, "ines", null, null, null);
    }
}
