package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;

import io.aiactops.notification.TrackedMail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Art. 20 information of the decision: each operator (and, when the system presents a risk, each
 * market surveillance authority) gets its own mail with a link to acknowledge it, each outcome
 * tracked; a retry mails only those not yet informed.
 */
@Component("informOperatorsOfCorrectiveActionDelegate")
public class InformOperatorsOfCorrectiveActionDelegate implements JavaDelegate {

    private final CorrectiveActions actions;
    private final CorrectiveActionMails mails;
    private final TrackedMail trackedMail;

    public InformOperatorsOfCorrectiveActionDelegate(CorrectiveActions actions, CorrectiveActionMails mails,
            TrackedMail trackedMail) {
        this.actions = actions;
        this.mails = mails;
        this.trackedMail = trackedMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = CORRECTIVE_ACTION_ID.required(execution);
        CorrectiveAction action = actions.get(id);
        trackedMail.sendToEach(id, () -> actions.everyone(id), (recipient, token) -> mails.inform(action, recipient, token));
    }
}
