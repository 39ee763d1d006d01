package io.aiactops.maintenance;

import static io.aiactops.maintenance.InstructionsDistributionVariables.AI_SYSTEM_ID;
import static io.aiactops.maintenance.InstructionsDistributionVariables.VERSION;

import io.aiactops.notification.TrackedMail;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminds each deployer that has not acknowledged the version. If all have meanwhile (an
 * acknowledgement can come in before the process waits for it), it ends the wait instead.
 */
@Component("remindInstructionsDelegate")
public class RemindInstructionsDelegate implements JavaDelegate {

    private final Instructions instructions;
    private final InstructionsMails mails;
    private final TrackedMail trackedMail;
    private final RuntimeService runtimeService;

    public RemindInstructionsDelegate(Instructions instructions, InstructionsMails mails, TrackedMail trackedMail,
            RuntimeService runtimeService) {
        this.instructions = instructions;
        this.mails = mails;
        this.trackedMail = trackedMail;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String systemId = AI_SYSTEM_ID.required(execution);
        int version = VERSION.required(execution).intValue();
        InstructionsForUse published = instructions.get(systemId, version);
        if (!trackedMail.remindUnacknowledged(Instructions.subject(systemId, version), Instructions.DEPLOYER,
                (deployer, token) -> mails.remind(published, deployer, token))) {
            runtimeService.createMessageCorrelation(InstructionsDistributionProcess.MESSAGE_ACKNOWLEDGED)
                    .processInstanceId(execution.getProcessInstanceId()).correlateAll();
        }
    }
}
