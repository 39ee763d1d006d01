package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.ACTION;
import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.DECIDED_BY;
import static io.aiactops.maintenance.CorrectiveActionVariables.PRESENTS_RISK;
import static io.aiactops.maintenance.CorrectiveActionVariables.RATIONALE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the decision on the case and in the register. */
@Component("recordCorrectiveActionDecisionDelegate")
public class RecordCorrectiveActionDecisionDelegate implements JavaDelegate {

    private final CorrectiveActions actions;

    public RecordCorrectiveActionDecisionDelegate(CorrectiveActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.decide(CORRECTIVE_ACTION_ID.required(execution), CorrectiveActionType.fromWireName(ACTION.required(execution)),
                RATIONALE.required(execution), Boolean.TRUE.equals(PRESENTS_RISK.from(execution)), DECIDED_BY.required(execution));
    }
}
