package io.aiactops.oversight;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
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
import java.util.concurrent.atomic.AtomicReference;

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

/** Every path of system-stop: confirmation or escalation, with or without webhook, four eyes on resume. */
@Deployment(resources = {"system-stop.bpmn", "stop-ai-system.form", "resume-ai-system.form"})
class SystemStopProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final Registry registry = mock(Registry.class);
    private final StopWebhook webhook = mock(StopWebhook.class);
    private final Mailer mailer = mock(Mailer.class);

    @BeforeEach
    void registerDelegates() {
        // The registry as the stop leaves it: suspended by whoever the stop was recorded for.
        AtomicReference<String> stoppedBy = new AtomicReference<>();
        AiSystem stopped = mock(AiSystem.class);
        when(stopped.statusChangedAt()).thenReturn(Instant.parse("2026-11-25T09:00:00Z"));
        when(stopped.statusChangedBy()).thenAnswer(invocation -> stoppedBy.get());
        when(registry.suspend(anyString(), anyString(), anyString())).thenAnswer(invocation -> {
            stoppedBy.set(invocation.getArgument(2));
            return stopped;
        });
        when(registry.get("sys-a")).thenReturn(stopped);
        OversightProperties properties = new OversightProperties(Duration.ofHours(4), Duration.ofDays(2),
                Duration.ofMinutes(15), Map.of());
        Mocks.register("suspendAiSystemDelegate", new SuspendAiSystemDelegate(registry, properties, EngineClock.INSTANCE));
        Mocks.register("stopWebhook", webhook);
        Mocks.register("callStopWebhookDelegate", new CallStopWebhookDelegate(webhook));
        Mocks.register("escalateMissingConfirmationDelegate", new EscalateMissingConfirmationDelegate(mailer));
        Mocks.register("refuseSelfResumeListener", new RefuseSelfResumeListener(registry));
        Mocks.register("resumeAiSystemDelegate", new ResumeAiSystemDelegate(registry));
    }

    @AfterEach
    void clear() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void stopThenConfirmationThenResumeByAnotherPerson() {
        ProcessInstance stop = start();

        verify(registry).suspend("sys-a", "Accuracy collapsed", "overseer");
        assertThat(stop).hasPassed(SystemStopProcess.TASK_SUSPEND_SYSTEM).isWaitingAt(SystemStopProcess.GATEWAY_AWAIT_SAFE_STATE);
        verify(webhook, never()).call(anyString(), any());

        confirm(stop);
        assertThat(stop).isWaitingAt(SystemStopProcess.TASK_RESUME_SYSTEM);
        assertThat(task(stop)).hasCandidateGroup(Roles.PROCESS_OWNERS);

        resumeAs(stop, "process-owner", "Retrained model 1.5.0 activated");

        assertThat(stop).isEnded().hasPassed(SystemStopProcess.END_SYSTEM_RESUMED).variables()
                .containsEntry("resumedBy", "process-owner");
        verify(registry).resume("sys-a", "Retrained model 1.5.0 activated", "process-owner");
    }

    @Test
    void aConfiguredWebhookIsCalledAsARetriedJobWhileTheConfirmationIsAwaited() {
        when(webhook.configuredFor("sys-a")).thenReturn(true);
        ProcessInstance stop = start();

        assertThat(stop).isWaitingAt(SystemStopProcess.TASK_CALL_STOP_WEBHOOK);
        execute(job(SystemStopProcess.TASK_CALL_STOP_WEBHOOK, stop));

        verify(webhook).call(eq("sys-a"), any(Map.class));
        assertThat(stop).isWaitingAt(SystemStopProcess.GATEWAY_AWAIT_SAFE_STATE);
    }

    @Test
    void aConfirmationBeforeTheWebhookCallIsNotMissed() {
        when(webhook.configuredFor("sys-a")).thenReturn(true);
        ProcessInstance stop = start();

        confirm(stop);

        assertThat(stop).isWaitingAt(SystemStopProcess.TASK_CALL_STOP_WEBHOOK, SystemStopProcess.TASK_RESUME_SYSTEM);
        execute(job(SystemStopProcess.TASK_CALL_STOP_WEBHOOK, stop));
        verify(webhook).call(eq("sys-a"), any(Map.class));
        assertThat(stop).isWaitingAt(SystemStopProcess.TASK_RESUME_SYSTEM);
    }

    @Test
    void noConfirmationInTimeEscalatesThenStillWaitsForAResume() {
        ProcessInstance stop = start();

        execute(job(SystemStopProcess.EVENT_CONFIRMATION_OVERDUE, stop));
        execute(job(SystemStopProcess.TASK_ESCALATE_MISSING_CONFIRMATION, stop));

        verify(mailer).toGroups(eq(List.of(Roles.PROCESS_OWNERS, Roles.OVERSEERS)), anyString(), anyString());
        assertThat(stop).isWaitingAt(SystemStopProcess.TASK_RESUME_SYSTEM);
        verify(registry, never()).resume(anyString(), anyString(), anyString());
    }

    @Test
    void whoeverStoppedTheSystemCannotResumeIt() {
        ProcessInstance stop = start();
        confirm(stop);

        assertThatThrownBy(() -> resumeAs(stop, "overseer", "I fixed it myself"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("another process owner");

        assertThat(stop).isWaitingAt(SystemStopProcess.TASK_RESUME_SYSTEM);
        verify(registry, never()).resume(anyString(), anyString(), anyString());
    }

    @Test
    void whoeverStoppedTheSystemCannotResumeItBySayingSomeoneElseDid() {
        // Variables sent with a completion are set before the check: the registry's record counts.
        assertResumeRefused("overseer", withVariables("resumeReason", "Fixed", "stoppedBy", "someone-else"),
                "another process owner");
    }

    @Test
    void aResumeCannotBePointedAtAnotherSystem() {
        assertResumeRefused("process-owner", withVariables("resumeReason", "Fixed", "aiSystemId", "sys-b"),
                "aiSystemId: this task resumes sys-a");
    }

    @Test
    void aResumeNeedsAReason() {
        assertResumeRefused("process-owner", withVariables("resumeReason", " "), "reason");
    }

    /** A stop confirmed, then its resume completed by {@code user} with {@code variables}: refused, nothing resumed. */
    private void assertResumeRefused(String user, Map<String, Object> variables, String refusal) {
        ProcessInstance stop = start();
        confirm(stop);

        engine.getIdentityService().setAuthenticatedUserId(user);
        assertThatThrownBy(() -> complete(task(stop), variables))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(refusal);
        assertThat(stop).isWaitingAt(SystemStopProcess.TASK_RESUME_SYSTEM);
        verify(registry, never()).resume(anyString(), anyString(), anyString());
    }

    @Test
    void aStopFromTheTasklistStartFormRecordsTheInitiator() {
        engine.getIdentityService().setAuthenticatedUserId("process-owner");
        ProcessInstance stop = runtimeService().startProcessInstanceByKey(SystemStopProcess.KEY,
                withVariables("aiSystemId", "sys-a", "stopReason", "Deployer reported wrong refusals"));

        verify(registry).suspend("sys-a", "Deployer reported wrong refusals", "process-owner");
        assertThat(stop).hasBusinessKey("sys-a").variables().containsEntry("stoppedBy", "process-owner")
                .containsEntry("stopOrigin", StopOrigin.TASKLIST.wireName());
    }

    @Test
    void aStopStartedByAPersonIsRecordedAsTheirsWhateverStoppedBySays() {
        engine.getIdentityService().setAuthenticatedUserId("process-owner");
        ProcessInstance stop = runtimeService().startProcessInstanceByKey(SystemStopProcess.KEY,
                withVariables("aiSystemId", "sys-a", "stopReason", "Wrong refusals", "stoppedBy", "overseer"));

        verify(registry).suspend("sys-a", "Wrong refusals", "process-owner");
        assertThat(stop).variables().containsEntry("stoppedBy", "process-owner");
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(SystemStopProcess.KEY, "sys-a",
                SystemStopVariables.start("sys-a", "Accuracy collapsed", "overseer", StopOrigin.API));
    }

    private static void confirm(ProcessInstance stop) {
        runtimeService().createMessageCorrelation(SystemStopProcess.MESSAGE_SAFE_STATE_CONFIRMED)
                .processInstanceId(stop.getId())
                .setVariables(SystemStopVariables.confirmation("2026-11-25T09:01:00Z", "ingest"))
                .correlate();
    }

    private void resumeAs(ProcessInstance stop, String user, String reason) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        complete(task(stop), withVariables("resumeReason", reason));
    }
}
