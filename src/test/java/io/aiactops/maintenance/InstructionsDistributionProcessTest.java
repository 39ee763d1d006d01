package io.aiactops.maintenance;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import io.aiactops.notification.TrackedMail;
import io.aiactops.notification.TrackedRecipients;
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
 * Every path of instructions-distribution: sent, reminded, acknowledged by all; a reminder that finds all
 * acknowledged; every deployer acknowledged before the wait.
 */
@Deployment(resources = "instructions-distribution.bpmn")
class InstructionsDistributionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final String SUBJECT = "IFU:sys-a:2";

    private final Instructions instructions = mock(Instructions.class);
    private final InstructionsMails mails = mock(InstructionsMails.class);
    private final TrackedRecipients recipients = mock(TrackedRecipients.class);
    private final TrackedRecipients.Tracked deployer = new TrackedRecipients.Tracked(1, SUBJECT, "DEPLOYER", "Bank",
            "ops@bank.example", null, null, null, null);
    private final InstructionsForUse version = new InstructionsForUse("sys-a", 2, "a", "r", "k", "p", "o", "m", "l",
            "What changed", null, "paul", List.of());

    @BeforeEach
    void registerDelegates() {
        when(instructions.get("sys-a", 2)).thenReturn(version);
        when(recipients.unsent(eq(SUBJECT), any())).thenReturn(List.of(deployer));
        when(recipients.mintToken(deployer)).thenReturn("token");
        when(mails.send(version, deployer, "token")).thenReturn("<m1@test>");
        when(mails.remind(version, deployer, "token")).thenReturn("<m2@test>");
        Mocks.register("instructions", instructions);
        Mocks.register("sendInstructionsDelegate", new SendInstructionsDelegate(instructions, mails, new TrackedMail(recipients)));
        Mocks.register("remindInstructionsDelegate", new RemindInstructionsDelegate(instructions, mails, new TrackedMail(recipients),
                engine.getRuntimeService()));
    }

    @AfterEach
    void clear() {
        Mocks.reset();
    }

    @Test
    void everyDeployerGetsTheVersionIsRemindedAndTheProcessEndsWhenAllAcknowledged() {
        ProcessInstance process = start();
        execute(job(InstructionsDistributionProcess.TASK_SEND));
        verify(recipients).sent(deployer, "<m1@test>");
        assertThat(process).isWaitingAt(InstructionsDistributionProcess.TASK_AWAIT_ACKNOWLEDGEMENTS);

        when(recipients.unacknowledged(SUBJECT, "DEPLOYER")).thenReturn(List.of(deployer));
        execute(job(InstructionsDistributionProcess.BOUNDARY_ACKNOWLEDGEMENT_OVERDUE));
        execute(job(InstructionsDistributionProcess.TASK_REMIND));
        verify(recipients).sent(deployer, "<m2@test>");
        assertThat(process).isWaitingAt(InstructionsDistributionProcess.TASK_AWAIT_ACKNOWLEDGEMENTS);

        runtimeService().createMessageCorrelation(InstructionsDistributionProcess.MESSAGE_ACKNOWLEDGED)
                .processInstanceId(process.getId()).correlate();
        assertThat(process).isEnded().hasPassed(InstructionsDistributionProcess.END_ALL_ACKNOWLEDGED);
    }

    @Test
    void aReminderThatFindsEveryoneAcknowledgedEndsTheWait() {
        ProcessInstance process = start();
        execute(job(InstructionsDistributionProcess.TASK_SEND));
        when(recipients.unacknowledged(SUBJECT, "DEPLOYER")).thenReturn(List.of());

        execute(job(InstructionsDistributionProcess.BOUNDARY_ACKNOWLEDGEMENT_OVERDUE));
        execute(job(InstructionsDistributionProcess.TASK_REMIND));

        assertThat(process).isEnded();
        verify(mails, never()).remind(any(), any(), any());
    }

    @Test
    void everyDeployerAcknowledgedBeforeTheWaitEndsTheDistributionWithoutWaiting() {
        ProcessInstance process = start();
        when(instructions.allDeployersAcknowledged("sys-a", 2L)).thenReturn(true);

        execute(job(InstructionsDistributionProcess.TASK_SEND));

        assertThat(process).isEnded().hasPassed(InstructionsDistributionProcess.GATEWAY_ACKNOWLEDGED_ALREADY,
                InstructionsDistributionProcess.END_ALL_ACKNOWLEDGED)
                .hasNotPassed(InstructionsDistributionProcess.TASK_AWAIT_ACKNOWLEDGEMENTS);
    }

    private ProcessInstance start() {
        ProcessInstance process = runtimeService().startProcessInstanceByKey(InstructionsDistributionProcess.KEY, SUBJECT,
                InstructionsDistributionVariables.start("sys-a", 2, "R10/P7D"));
        assertThat(process).isWaitingAt(InstructionsDistributionProcess.TASK_SEND);
        return process;
    }
}
