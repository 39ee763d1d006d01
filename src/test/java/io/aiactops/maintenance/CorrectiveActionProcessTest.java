package io.aiactops.maintenance;

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
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.aiactops.calendar.Calendars;
import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.correctiveaction.CorrectiveActionRequested;
import io.aiactops.notification.TrackedMail;
import io.aiactops.notification.TrackedRecipients;
import io.aiactops.oversight.StopOrigin;
import io.aiactops.oversight.SystemStops;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import io.aiactops.support.ProcessTestEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of corrective-action: no action, disable and withdraw, a recall with its reminder and
 * acknowledgements, a retrain verified after the window (not effective → decide again → effective),
 * a hand-over by message, an authority order's due date, and a decision refused without rationale.
 */
@Deployment(resources = {"corrective-action.bpmn", "decide-corrective-action.form", "verify-effectiveness.form"})
class CorrectiveActionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final String ACTION = "CA-2026-00001";
    private static final MaintenanceProperties PROPERTIES = new MaintenanceProperties(15, Duration.ofDays(7), Duration.ofDays(7));

    private final CorrectiveActions actions = mock(CorrectiveActions.class);
    private final CorrectiveActionMails mails = mock(CorrectiveActionMails.class);
    private final EffectivenessKpis kpis = mock(EffectivenessKpis.class);
    private final SystemStops stops = mock(SystemStops.class);
    private final Registry registry = mock(Registry.class);
    private final AiSystem system = mock(AiSystem.class);
    private final TrackedRecipients recipients = mock(TrackedRecipients.class);
    private final TrackedRecipients.Tracked deployer = new TrackedRecipients.Tracked(1, ACTION, "DEPLOYER", "Bank",
            "ops@bank.example", null, null, null, null);

    @BeforeEach
    void registerDelegates() {
        when(actions.open(any(), anyString())).thenReturn(ACTION);
        when(actions.get(ACTION)).thenReturn(action(null));
        when(recipients.unsent(eq(ACTION), any())).thenReturn(List.of(deployer));
        when(recipients.mintToken(deployer)).thenReturn("token");
        when(mails.inform(any(), eq(deployer), eq("token"))).thenReturn("<m1@test>");
        when(mails.remindRecall(any(), eq(deployer), eq("token"))).thenReturn("<m2@test>");
        when(registry.get("sys-a")).thenReturn(system);
        when(system.status()).thenReturn(SystemStatus.ACTIVE);
        Mocks.register("openCorrectiveActionDelegate", new OpenCorrectiveActionDelegate(actions, PROPERTIES, Calendars.timeLimits()));
        Mocks.register("checkCorrectiveActionDecisionListener", new CheckCorrectiveActionDecisionListener());
        Mocks.register("recordCorrectiveActionDecisionDelegate", new RecordCorrectiveActionDecisionDelegate(actions));
        Mocks.register("takeSystemOutOfServiceDelegate", new TakeSystemOutOfServiceDelegate(new OutOfService(stops, registry)));
        Mocks.register("informOperatorsOfCorrectiveActionDelegate", new InformOperatorsOfCorrectiveActionDelegate(actions, mails, new TrackedMail(recipients)));
        // The gateway before the wait asks the service whether everyone acknowledged already.
        Mocks.register("correctiveActions", actions);
        Mocks.register("remindDeployersDelegate", new RemindDeployersDelegate(actions, mails, new TrackedMail(recipients), engine.getRuntimeService()));
        Mocks.register("compileKpisDelegate", new CompileKpisDelegate(kpis));
        Mocks.register("checkEffectivenessListener", new CheckEffectivenessListener());
        Mocks.register("recordEffectivenessDelegate", new RecordEffectivenessDelegate(actions, kpis));
        Mocks.register("closeCorrectiveActionDelegate", new CloseCorrectiveActionDelegate(actions));
    }

    @AfterEach
    void clear() {
        Mocks.reset();
    }

    @Test
    void anAuthorityOrderIsDueByItsDeadlineAndNoActionClosesItWithTheRationale() {
        Instant due = Instant.parse("2026-12-16T23:00:00Z");
        when(actions.get(ACTION)).thenReturn(action(due));
        ProcessInstance process = start(Map.of("origin", "authority_order", "authorityMemberState", "FR",
                "authorityReference", "MSA-FR-1", "orderedAt", "2026-11-25T10:00:00Z"));

        assertThat(process).isWaitingAt(CorrectiveActionProcess.TASK_DECIDE).hasBusinessKey(ACTION);
        assertThat(task(process)).hasCandidateGroup("process-owners").hasDueDate(Date.from(due));
        assertThat(process).variables().containsEntry(CorrectiveActionVariables.DUE_IN_WORDS.name(),
                "end of Wednesday 16 December 2026, Europe/Paris (23:00 UTC)");
        decide(process, "no_action", "The order was withdrawn by the authority");

        assertThat(process).isEnded().hasNotPassed(CorrectiveActionProcess.TASK_INFORM_OPERATORS);
        verify(actions).close(ACTION, "no action: The order was withdrawn by the authority", "paul");
    }

    @Test
    void disablingStopsTheSystemLikeTheStopButtonAndInformsTheOperators() {
        ProcessInstance process = start(Map.of());
        decide(process, "disable", "Refusals for one region are wrong");

        verify(stops).stop("sys-a", "corrective action " + ACTION + " (disable): Refusals for one region are wrong", "paul",
                StopOrigin.CORRECTIVE_ACTION);
        verify(registry, never()).withdraw(anyString(), anyString(), anyString());
        execute(job(CorrectiveActionProcess.TASK_INFORM_OPERATORS));
        verify(recipients).sent(deployer, "<m1@test>");
        assertThat(process).isEnded().hasPassed(CorrectiveActionProcess.TASK_TAKE_SYSTEM_OUT_OF_SERVICE);
        verify(actions).close(ACTION, "system disabled (suspended)", "paul");
    }

    @Test
    void withdrawingStopsTheSystemThenWithdrawsIt() {
        ProcessInstance process = start(Map.of());
        decide(process, "withdraw", "Cannot be brought into conformity");
        verify(stops).stop(eq("sys-a"), anyString(), eq("paul"), eq(StopOrigin.CORRECTIVE_ACTION));
        verify(registry).withdraw(eq("sys-a"), anyString(), eq("paul"));
        execute(job(CorrectiveActionProcess.TASK_INFORM_OPERATORS));
        assertThat(process).isEnded();
    }

    @Test
    void aRecallWaitsForEveryDeployersAcknowledgementAndRemindsThoseWhoHaveNot() {
        ProcessInstance process = start(Map.of());
        decide(process, "recall", "Deployers must stop using it");
        execute(job(CorrectiveActionProcess.TASK_INFORM_OPERATORS));
        assertThat(process).isWaitingAt(CorrectiveActionProcess.TASK_AWAIT_ACKNOWLEDGEMENTS);

        when(recipients.unacknowledged(ACTION, "DEPLOYER")).thenReturn(List.of(deployer));
        execute(job(CorrectiveActionProcess.BOUNDARY_ACKNOWLEDGEMENT_REMINDER));
        execute(job(CorrectiveActionProcess.TASK_REMIND_DEPLOYERS));
        verify(recipients).sent(deployer, "<m2@test>");
        assertThat(process).isWaitingAt(CorrectiveActionProcess.TASK_AWAIT_ACKNOWLEDGEMENTS);

        runtimeService().createMessageCorrelation(CorrectiveActionProcess.MESSAGE_RECALL_ACKNOWLEDGED)
                .processInstanceId(process.getId()).correlate();
        assertThat(process).isEnded();
        verify(actions).close(ACTION, "recall acknowledged by every deployer", "paul");
    }

    @Test
    void deployersWhoAcknowledgedBeforeTheWaitBeganEndTheRecallWithoutWaiting() {
        ProcessInstance process = start(Map.of());
        decide(process, "recall", "Deployers must stop using it");
        when(actions.allDeployersAcknowledged(ACTION)).thenReturn(true);

        execute(job(CorrectiveActionProcess.TASK_INFORM_OPERATORS));

        assertThat(process).isEnded().hasNotPassed(CorrectiveActionProcess.TASK_AWAIT_ACKNOWLEDGEMENTS);
        verify(actions).close(ACTION, "recall acknowledged by every deployer", "paul");
    }

    @Test
    void aReminderFindingEveryoneAcknowledgedEndsTheWait() {
        ProcessInstance process = start(Map.of());
        decide(process, "recall", "Deployers must stop using it");
        execute(job(CorrectiveActionProcess.TASK_INFORM_OPERATORS));
        when(recipients.unacknowledged(ACTION, "DEPLOYER")).thenReturn(List.of());

        execute(job(CorrectiveActionProcess.BOUNDARY_ACKNOWLEDGEMENT_REMINDER));
        execute(job(CorrectiveActionProcess.TASK_REMIND_DEPLOYERS));

        assertThat(process).isEnded();
        verify(mails, never()).remindRecall(any(), any(), any());
    }

    @Test
    void aRetrainedVersionIsVerifiedAfterTheWindowAndNotEffectiveMeansDecidingAgain() {
        when(kpis.afterActivation(eq("sys-a"), anyString())).thenReturn(List.of(
                new EffectivenessKpis.MetricKpi("accuracy", 10, 0.71, 12, 0.74, 3, 2)));
        ProcessInstance process = start(Map.of());
        decide(process, "retrain", "Retrain on Q4 data");
        execute(job(CorrectiveActionProcess.TASK_INFORM_OPERATORS));
        assertThat(process).isWaitingAt(CorrectiveActionProcess.EVENT_NEW_VERSION_ACTIVE);

        activateVersion("2.0.0");
        assertThat(process).isWaitingAt(CorrectiveActionProcess.EVENT_VERIFICATION_WINDOW_OVER);
        org.assertj.core.api.Assertions.assertThat(job(CorrectiveActionProcess.EVENT_VERIFICATION_WINDOW_OVER).getDuedate())
                .isAfter(Date.from(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60)));
        execute(job(CorrectiveActionProcess.EVENT_VERIFICATION_WINDOW_OVER));
        assertThat(process).isWaitingAt(CorrectiveActionProcess.TASK_VERIFY_EFFECTIVENESS).variables()
                .containsEntry("kpiSummary", "accuracy: mean 0.7100 → 0.7400 (10 → 12 signals), breaches 3 → 2");

        judgeEffectiveness(process, "no", "Accuracy still below 0.80");
        verify(actions).recordEffectiveness(eq(ACTION), eq(false), eq("Accuracy still below 0.80"), any(), eq("paul"));
        assertThat(process).isWaitingAt(CorrectiveActionProcess.TASK_DECIDE);

        decide(process, "adapt_configuration", "Raise the decision threshold");
        execute(job(CorrectiveActionProcess.TASK_INFORM_OPERATORS));
        activateVersion("2.0.1");
        execute(job(CorrectiveActionProcess.EVENT_VERIFICATION_WINDOW_OVER));
        judgeEffectiveness(process, "yes", "Accuracy back above 0.80");
        assertThat(process).isEnded();
        verify(actions, times(2)).decide(eq(ACTION), any(), anyString(), eq(false), eq("paul"));
        verify(actions).close(ACTION, "adapt configuration verified effective", "paul");
    }

    @Test
    void aRequestFromAnotherCapabilityIsHandedOverByTheStartMessage() {
        new CorrectiveActionRequestCorrelation(runtimeService()).on(new CorrectiveActionRequested("sys-a",
                "Root cause: stale rule table", CorrectiveActionOrigin.SERIOUS_INCIDENT, "INC-2026-00001", "ines"));
        ProcessInstance process = runtimeService().createProcessInstanceQuery().processDefinitionKey(CorrectiveActionProcess.KEY)
                .singleResult();

        assertThat(process).hasPassed(CorrectiveActionProcess.TASK_OPEN).isWaitingAt(CorrectiveActionProcess.TASK_DECIDE);
        verify(actions).open(org.mockito.ArgumentMatchers.argThat(r -> r.origin() == CorrectiveActionOrigin.SERIOUS_INCIDENT
                && "INC-2026-00001".equals(r.reference())), eq("ines"));
    }

    @Test
    void aDecisionWithoutRationaleIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance process = start(Map.of());
        taskService().claim(task(process).getId(), "paul");

        assertThatThrownBy(() -> complete(task(process), withVariables("action", "recall"))).hasMessageContaining("rationale");
        assertThatThrownBy(() -> complete(task(process), withVariables("action", "reboot", "rationale", "x")))
                .hasMessageContaining("action");
        assertThat(process).isWaitingAt(CorrectiveActionProcess.TASK_DECIDE);
    }

    private ProcessInstance start(Map<String, Object> extra) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("aiSystemId", "sys-a", "reason", "Bias in age groups",
                "requestedBy", "olivia"));
        variables.putAll(extra);
        return runtimeService().createProcessInstanceByKey(CorrectiveActionProcess.KEY).setVariables(variables).execute();
    }

    private void decide(ProcessInstance process, String action, String rationale) {
        taskService().claim(task(process).getId(), "paul");
        complete(task(process), withVariables("action", action, "rationale", rationale, "presentsRisk", false));
    }

    private void judgeEffectiveness(ProcessInstance process, String effective, String notes) {
        taskService().claim(task(process).getId(), "paul");
        complete(task(process), withVariables("effective", effective, "effectivenessNotes", notes));
    }

    private void activateVersion(String version) {
        runtimeService().createMessageCorrelation(CorrectiveActionProcess.MESSAGE_MODEL_VERSION_ACTIVATED)
                .processInstanceVariableEquals("aiSystemId", "sys-a")
                .setVariables(CorrectiveActionVariables.activated(version, Instant.now())).correlateAll();
    }

    private static CorrectiveAction action(Instant due) {
        // An order's due date is counted in the ordering Member State's calendar.
        return new CorrectiveAction(ACTION, "sys-a", "Bias in age groups", "api", null, due == null ? null : "FR", null, null,
                null, null, due,
                null, null, null, null, null, null, "OPEN", null, List.of(), Instant.now(), "olivia", null, null, null);
    }
}
