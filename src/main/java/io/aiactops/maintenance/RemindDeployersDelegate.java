package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;

import io.aiactops.notification.TrackedMail;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminds each deployer that has not acknowledged the recall. If all have meanwhile (an acknowledgement
 * can come in before the process waits for it), it ends the wait instead.
 */
@Component("remindDeployersDelegate")
public class RemindDeployersDelegate implements JavaDelegate {

    private final CorrectiveActions actions;
    private final CorrectiveActionMails mails;
    private final TrackedMail trackedMail;
    private final RuntimeService runtimeService;

    public RemindDeployersDelegate(CorrectiveActions actions, CorrectiveActionMails mails, TrackedMail trackedMail,
            RuntimeService runtimeService) {
        this.actions = actions;
        this.mails = mails;
        this.trackedMail = trackedMail;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = CORRECTIVE_ACTION_ID.required(execution);
        CorrectiveAction action = actions.get(id);
        if (!trackedMail.remindUnacknowledged(id, CorrectiveActions.DEPLOYER,
                (deployer, token) -> mails.remindRecall(action, deployer, token))) {
            runtimeService.createMessageCorrelation(CorrectiveActionProcess.MESSAGE_RECALL_ACKNOWLEDGED)
                    .processInstanceId(execution.getProcessInstanceId()).correlateAll();
        }
    }
}
