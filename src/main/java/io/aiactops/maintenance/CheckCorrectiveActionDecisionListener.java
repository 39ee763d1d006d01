package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.ACTION;
import static io.aiactops.maintenance.CorrectiveActionVariables.DECIDED_BY;
import static io.aiactops.maintenance.CorrectiveActionVariables.RATIONALE;

import io.aiactops.platform.process.TaskCompleter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses "Decide corrective action" without an action and its rationale; stamps who decided. */
@Component("checkCorrectiveActionDecisionListener")
public class CheckCorrectiveActionDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        CorrectiveActions.validateDecision(CorrectiveActionType.fromWireName(ACTION.from(task)), RATIONALE.from(task));
        String decidedBy = TaskCompleter.required(task, "A corrective action");
        DECIDED_BY.set(task, decidedBy);
    }
}
