package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.ACTION;
import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.DECIDED_BY;
import static io.aiactops.maintenance.CorrectiveActionVariables.RATIONALE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the case with what was done. */
@Component("closeCorrectiveActionDelegate")
public class CloseCorrectiveActionDelegate implements JavaDelegate {

    private final CorrectiveActions actions;

    public CloseCorrectiveActionDelegate(CorrectiveActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CorrectiveActionType type = CorrectiveActionType.fromWireName(ACTION.required(execution));
        String reason = switch (type) {
            case NO_ACTION -> "no action: " + RATIONALE.required(execution);
            case RETRAIN, ADAPT_CONFIGURATION -> type.wireName().replace('_', ' ') + " verified effective";
            case RECALL -> "recall acknowledged by every deployer";
            case WITHDRAW -> "system withdrawn";
            case DISABLE -> "system disabled (suspended)";
        };
        actions.close(CORRECTIVE_ACTION_ID.required(execution), reason, DECIDED_BY.required(execution));
    }
}
