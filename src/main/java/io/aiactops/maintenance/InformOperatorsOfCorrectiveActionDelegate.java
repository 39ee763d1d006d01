package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Art. 20 information of the decision: each operator (and, when the system presents a risk, each
 * market surveillance authority) gets its own mail with a link to acknowledge it. Outcomes are tracked;
 * if any failed, the job fails once all were tried and its retry mails only those not yet informed.
 */
@Component("informOperatorsOfCorrectiveActionDelegate")
public class InformOperatorsOfCorrectiveActionDelegate implements JavaDelegate {

    private final CorrectiveActions actions;
    private final CorrectiveActionMails mails;

    public InformOperatorsOfCorrectiveActionDelegate(CorrectiveActions actions, CorrectiveActionMails mails) {
        this.actions = actions;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = CORRECTIVE_ACTION_ID.required(execution);
        CorrectiveAction action = actions.get(id);
        List<String> failures = new ArrayList<>();
        for (CorrectiveActions.Pending recipient : actions.unsent(id)) {
            try {
                actions.sent(recipient, mails.inform(action, recipient, actions.mintToken(recipient)));
            } catch (RuntimeException e) {
                actions.failed(recipient, e.getMessage());
                failures.add(recipient.email() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not inform " + failures.size() + " recipient(s) of " + id + ": " + failures);
        }
    }
}
