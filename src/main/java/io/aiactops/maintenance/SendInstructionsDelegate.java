package io.aiactops.maintenance;

import static io.aiactops.maintenance.InstructionsDistributionVariables.AI_SYSTEM_ID;
import static io.aiactops.maintenance.InstructionsDistributionVariables.VERSION;

import io.aiactops.notification.TrackedMail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the new version to each deployer with its acknowledgement link, each tracked; a retry mails only the rest. */
@Component("sendInstructionsDelegate")
public class SendInstructionsDelegate implements JavaDelegate {

    private final Instructions instructions;
    private final InstructionsMails mails;
    private final TrackedMail trackedMail;

    public SendInstructionsDelegate(Instructions instructions, InstructionsMails mails, TrackedMail trackedMail) {
        this.instructions = instructions;
        this.mails = mails;
        this.trackedMail = trackedMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String systemId = AI_SYSTEM_ID.required(execution);
        int version = VERSION.required(execution).intValue();
        InstructionsForUse published = instructions.get(systemId, version);
        trackedMail.sendToEach(Instructions.subject(systemId, version), () -> instructions.deployers(systemId),
                (deployer, token) -> mails.send(published, deployer, token));
    }
}
