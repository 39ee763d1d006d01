package io.aiactops.oversight;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.correctiveaction.CorrectiveActionRequested;
import io.aiactops.incidents.IncidentOrigin;
import io.aiactops.incidents.NewIncident;
import io.aiactops.incidents.SeriousIncidentStarter;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.notification.Mailer;
import io.aiactops.platform.security.Roles;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import io.aiactops.support.EngineClock;
import io.aiactops.support.ProcessTestEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** Every path of oversight-review: each decision, a recurring breach, a resolved alert, the overdue timer. */
@Deployment(resources = {"oversight-review.bpmn", "review-monitoring-alert.form"})
class OversightReviewProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final OversightProperties PROPERTIES = new OversightProperties(Duration.ofHours(4), Duration.ofDays(2),
            Duration.ofMinutes(15), Map.of());

    private final LogRegister register = mock(LogRegister.class);
    private final SystemStops stops = mock(SystemStops.class);
    private final Mailer mailer = mock(Mailer.class);
    private final SeriousIncidentStarter incidents = mock(SeriousIncidentStarter.class);
    private final Registry registry = mock(Registry.class);
    private final List<Object> published = new java.util.ArrayList<>();

    @BeforeEach
    void registerDelegates() {
        Mocks.register("scheduleReviewDelegate", new ScheduleReviewDelegate(PROPERTIES, EngineClock.INSTANCE));
        Mocks.register("checkReviewDecisionListener", new CheckReviewDecisionListener(EngineClock.INSTANCE));
        Mocks.register("recordOversightDecisionDelegate", new RecordOversightDecisionDelegate(register));
        Mocks.register("stopAiSystemDelegate", new StopAiSystemDelegate(stops));
        Mocks.register("escalateOverdueReviewDelegate", new EscalateOverdueReviewDelegate(mailer));
        Mocks.register("updateBreachSummaryDelegate", new UpdateBreachSummaryDelegate(PROPERTIES, EngineClock.INSTANCE));
        Mocks.register("noteAlertResolvedDelegate", new NoteAlertResolvedDelegate());
        Mocks.register("requestCorrectiveActionFromReviewDelegate", new RequestCorrectiveActionFromReviewDelegate(published::add));
        Mocks.register("openIncidentCaseFromReviewDelegate",
                new OpenIncidentCaseFromReviewDelegate(incidents, registry, engine.getIdentityService(), EngineClock.INSTANCE));
    }

    @AfterEach
    void clear() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aBreachWaitsForAnOverseerWithADueDateFromItsSeverity() {
        ProcessInstance review = start(Severity.CRITICAL, 0.72);

        assertThat(review).isWaitingAt(OversightReviewProcess.TASK_REVIEW_ALERT);
        assertThat(task(review)).hasCandidateGroup(Roles.OVERSEERS);
        org.assertj.core.api.Assertions.assertThat(task(review).getDueDate().toInstant())
                .isBetween(Instant.now().plus(Duration.ofHours(4)).minusSeconds(60), Instant.now().plus(Duration.ofHours(4)));
        org.assertj.core.api.Assertions.assertThat(task(review).getPriority()).isEqualTo(OversightReviewProcess.PRIORITY_CRITICAL);
    }

    @Test
    void dismissIsRecordedWithTheOverseerAndReason() {
        ProcessInstance review = start(Severity.WARNING, 0.83);

        decideAs(review, "overseer", "dismiss", "Known seasonal dip, validated against last year", null);

        assertThat(review).hasPassed(OversightReviewProcess.TASK_RECORD_DECISION)
                .isEnded().hasPassed(OversightReviewProcess.END_DISMISSED);
        ArgumentCaptor<Object> recorded = ArgumentCaptor.forClass(Object.class);
        verify(register).record(eq("sys-a"), eq(LogEventType.OVERSIGHT_ACTION), eq("overseer"), eq("1.4.0"), recorded.capture());
        org.assertj.core.api.Assertions.assertThat(recorded.getValue()).isInstanceOfSatisfying(OversightDecisionRecorded.class,
                decision -> {
                    org.assertj.core.api.Assertions.assertThat(decision.decision()).isEqualTo("dismiss");
                    org.assertj.core.api.Assertions.assertThat(decision.reason())
                            .isEqualTo("Known seasonal dip, validated against last year");
                    org.assertj.core.api.Assertions.assertThat(decision.review()).isEqualTo(review.getBusinessKey());
                });
        assertThat(review).variables().containsEntry("decidedBy", "overseer");
    }

    @Test
    void keepWatchingWaitsUntilTheFollowUpDateThenAsksAgain() {
        ProcessInstance review = start(Severity.WARNING, 0.84);

        decideAs(review, "overseer", "keep_watching", "Watch the next two batches",
                Instant.now().plus(Duration.ofDays(1)).toString());

        assertThat(review).isWaitingAt(OversightReviewProcess.EVENT_FOLLOW_UP_DUE);
        execute(job(review));
        assertThat(review).isWaitingAt(OversightReviewProcess.TASK_REVIEW_ALERT);
        org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().processInstanceId(review.getId()).count())
                .isEqualTo(1);
    }

    @Test
    void requestingACorrectiveActionEndsTheReviewAsARecordedRequest() {
        ProcessInstance review = start(Severity.CRITICAL, 0.70);

        decideAs(review, "overseer", "request_corrective_action", "Retrain on Q3 data", null);

        assertThat(review).isEnded().hasPassed(OversightReviewProcess.TASK_REQUEST_CORRECTIVE_ACTION,
                OversightReviewProcess.END_CORRECTIVE_ACTION_REQUESTED);
        org.assertj.core.api.Assertions.assertThat(published).containsExactly(new CorrectiveActionRequested("sys-a",
                "Overseer's review of accuracy (latest value 0.7): Retrain on Q3 data", CorrectiveActionOrigin.OVERSIGHT_REVIEW,
                review.getBusinessKey(), "overseer"));
        verify(register).record(eq("sys-a"), eq(LogEventType.OVERSIGHT_ACTION), eq("overseer"), anyString(),
                any(OversightDecisionRecorded.class));
    }

    @Test
    void reportingASeriousIncidentOpensACaseForTheIncidentManagers() {
        AiSystem system = mock(AiSystem.class);
        when(system.id()).thenReturn("sys-a");
        when(system.memberStates()).thenReturn(List.of("FR", "DE"));
        when(system.providerContact()).thenReturn("provider@example.org");
        when(registry.get("sys-a")).thenReturn(system);
        ProcessInstance review = start(Severity.CRITICAL, 0.60);

        decideAs(review, "overseer", "report_incident", "Wrong refusals for a whole region", null);

        assertThat(review).isEnded().hasPassed(OversightReviewProcess.TASK_OPEN_INCIDENT_CASE,
                OversightReviewProcess.END_INCIDENT_REPORTED);
        ArgumentCaptor<NewIncident> incident = ArgumentCaptor.forClass(NewIncident.class);
        verify(incidents).start(incident.capture(), eq("overseer"));
        org.assertj.core.api.Assertions.assertThat(incident.getValue()).satisfies(reported -> {
            org.assertj.core.api.Assertions.assertThat(reported.origin()).isEqualTo(IncidentOrigin.OVERSIGHT_REVIEW);
            org.assertj.core.api.Assertions.assertThat(reported.memberStates()).containsExactly("FR", "DE");
            org.assertj.core.api.Assertions.assertThat(reported.description()).contains("Wrong refusals for a whole region");
            org.assertj.core.api.Assertions.assertThat(reported.reporter()).isEqualTo("overseer");
        });
    }

    @Test
    void stoppingTheSystemUsesTheStopButtonAsTheDecidingOverseer() {
        ProcessInstance review = start(Severity.CRITICAL, 0.55);

        decideAs(review, "overseer", "stop_system", "Accuracy collapsed", null);

        assertThat(review).isEnded().hasPassed(OversightReviewProcess.TASK_STOP_SYSTEM, OversightReviewProcess.END_SYSTEM_STOPPED);
        verify(stops).stop("sys-a", "Oversight review of accuracy: Accuracy collapsed", "overseer",
                StopOrigin.OVERSIGHT_REVIEW);
    }

    @Test
    void aSecondBreachUpdatesTheOpenReviewInsteadOfOpeningAnother() {
        ProcessInstance review = start(Severity.WARNING, 0.84);

        recur(review, Severity.CRITICAL, "Accuracy below 0.80", 0.78);

        assertThat(review).isWaitingAt(OversightReviewProcess.TASK_REVIEW_ALERT).variables()
                .containsEntry("breachCount", 2L)
                .containsEntry("latestValue", 0.78)
                .containsEntry("severity", "critical")
                .containsEntry("rationale", "Accuracy below 0.80")
                .containsEntry("lastSeenAt", "2026-11-25T10:00:00Z")
                .doesNotContainKeys("incomingValue", "incomingSeverity", "incomingRationale", "incomingSeenAt");
        org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().processInstanceId(review.getId()).count())
                .isEqualTo(1);
        // Turned critical: due in 4 hours, not 2 days, first in Tasklist, and the overdue timer follows
        Instant criticalDue = Instant.now().plus(Duration.ofHours(4));
        org.assertj.core.api.Assertions.assertThat(task(review).getPriority()).isEqualTo(OversightReviewProcess.PRIORITY_CRITICAL);
        org.assertj.core.api.Assertions.assertThat(task(review).getDueDate().toInstant())
                .isBetween(criticalDue.minusSeconds(60), criticalDue);
        org.assertj.core.api.Assertions.assertThat(job(OversightReviewProcess.BOUNDARY_REVIEW_OVERDUE, review).getDuedate())
                .isEqualTo(task(review).getDueDate());
    }

    @Test
    void aResolvedAlertIsShownButTheReviewStaysOpen() {
        ProcessInstance review = start(Severity.CRITICAL, 0.70);

        runtimeService().createMessageCorrelation(OversightReviewProcess.MESSAGE_ALERT_RESOLVED)
                .processInstanceId(review.getId())
                .setVariableLocal(OversightReviewVariables.INCOMING_RESOLVED_AT.name(), "2026-11-25T11:00:00Z")
                .correlate();

        assertThat(review).isWaitingAt(OversightReviewProcess.TASK_REVIEW_ALERT).variables()
                .containsEntry("alertResolvedAt", "2026-11-25T11:00:00Z").doesNotContainKey("incomingResolvedAt");
    }

    @Test
    void anOverdueCriticalReviewMailsTheIncidentManagersAndStaysOpen() {
        ProcessInstance review = start(Severity.CRITICAL, 0.70);

        execute(job(OversightReviewProcess.BOUNDARY_REVIEW_OVERDUE, review));
        assertThat(review).isWaitingAt(OversightReviewProcess.TASK_ESCALATE_OVERDUE_REVIEW);
        assertEscalationMailed(review, OversightReviewProcess.TASK_ESCALATE_OVERDUE_REVIEW,
                OversightReviewProcess.END_OVERDUE_ESCALATED);
    }

    /** The escalation job runs: the incident managers are mailed, and the review stays open. */
    private void assertEscalationMailed(ProcessInstance review, String escalation, String end) {
        execute(job(escalation, review));
        assertThat(review).hasPassed(end).isWaitingAt(OversightReviewProcess.TASK_REVIEW_ALERT);
        verify(mailer).toGroups(eq(List.of(Roles.INCIDENT_MANAGERS)), anyString(), anyString());
    }

    @Test
    void anOverdueWarningIsLeftInTasklistWithoutMail() {
        ProcessInstance review = start(Severity.WARNING, 0.84);

        execute(job(OversightReviewProcess.BOUNDARY_REVIEW_OVERDUE, review));

        assertThat(review).hasPassed(OversightReviewProcess.END_OVERDUE_NOTED)
                .isWaitingAt(OversightReviewProcess.TASK_REVIEW_ALERT);
        verify(mailer, never()).toGroups(any(), anyString(), anyString());
    }

    @Test
    void aWarningAlreadyOverdueThatTurnsCriticalEscalatesAtOnceFirstInTasklist() {
        ProcessInstance review = start(Severity.WARNING, 0.84);
        execute(job(OversightReviewProcess.BOUNDARY_REVIEW_OVERDUE, review));
        assertThat(review).hasPassed(OversightReviewProcess.END_OVERDUE_NOTED);

        recur(review, Severity.CRITICAL, "Accuracy below 0.80", 0.78);

        // No overdue timer is left to escalate it: the breach's own path mails the incident managers.
        assertThat(review).hasPassed(OversightReviewProcess.GATEWAY_OVERDUE_TURNED_CRITICAL)
                .isWaitingAt(OversightReviewProcess.TASK_ESCALATE_OVERDUE_CRITICAL_REVIEW, OversightReviewProcess.TASK_REVIEW_ALERT);
        org.assertj.core.api.Assertions.assertThat(task(review).getPriority()).isEqualTo(OversightReviewProcess.PRIORITY_CRITICAL);
        assertEscalationMailed(review, OversightReviewProcess.TASK_ESCALATE_OVERDUE_CRITICAL_REVIEW,
                OversightReviewProcess.END_OVERDUE_CRITICAL_ESCALATED);
    }

    @Test
    void aBreachOfAReviewStillInTimeOnlyUpdatesIt() {
        ProcessInstance review = start(Severity.WARNING, 0.84);

        recur(review, Severity.WARNING, "Accuracy below 0.85", 0.83);

        assertThat(review).hasPassed(OversightReviewProcess.END_REVIEW_UPDATED)
                .hasNotPassed(OversightReviewProcess.TASK_ESCALATE_OVERDUE_CRITICAL_REVIEW)
                .isWaitingAt(OversightReviewProcess.TASK_REVIEW_ALERT);
        org.assertj.core.api.Assertions.assertThat(task(review).getPriority()).isEqualTo(OversightReviewProcess.PRIORITY_WARNING);
        verify(mailer, never()).toGroups(any(), anyString(), anyString());
    }

    /** Another breach of the review's metric, as the signal intake correlates it. */
    private static void recur(ProcessInstance review, Severity severity, String rationale, double value) {
        runtimeService().createMessageCorrelation(OversightReviewProcess.MESSAGE_BREACH_RECURRED)
                .processInstanceId(review.getId())
                .setVariablesLocal(OversightReviewVariables.recurrence(new Breach("sys-a", "accuracy", "performance",
                        severity, rationale, value, Instant.parse("2026-11-25T10:00:00Z"), "1.4.0", "mlflow")))
                .correlate();
    }

    @Test
    void aDecisionWithoutReasonOrFollowUpDateIsRefused() {
        ProcessInstance review = start(Severity.WARNING, 0.84);
        engine.getIdentityService().setAuthenticatedUserId("overseer");

        assertThatThrownBy(() -> complete(task(review), withVariables("decision", "dismiss")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> complete(task(review), withVariables("decision", "keep_watching", "decisionReason", "later")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("follow-up date");
        assertThatThrownBy(() -> complete(task(review), withVariables("decision", "ignore", "decisionReason", "x")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choose a decision");

        assertThat(review).isWaitingAt(OversightReviewProcess.TASK_REVIEW_ALERT);
        verify(register, never()).record(anyString(), any(), anyString(), anyString(), any());
    }

    private static ProcessInstance start(Severity severity, double value) {
        Breach breach = new Breach("sys-a", "accuracy", "performance", severity, "Accuracy below 0.85", value,
                Instant.parse("2026-11-25T09:00:00Z"), "1.4.0", "mlflow");
        return runtimeService().startProcessInstanceByKey(OversightReviewProcess.KEY,
                OversightReviewProcess.businessKey("sys-a", "accuracy"),
                OversightReviewVariables.start(breach, "Not validated for business loans"));
    }

    private void decideAs(ProcessInstance review, String user, String decision, String reason, String followUpAt) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        var variables = withVariables("decision", decision, "decisionReason", reason);
        if (followUpAt != null) {
            variables.put("followUpAt", followUpAt);
        }
        complete(task(review), variables);
    }
}
