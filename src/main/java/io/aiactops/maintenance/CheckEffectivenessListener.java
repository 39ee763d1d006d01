package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.EFFECTIVE;
import static io.aiactops.maintenance.CorrectiveActionVariables.EFFECTIVENESS_NOTES;
import static io.aiactops.maintenance.CorrectiveActionVariables.VERIFIED_BY;

import io.aiactops.platform.process.TaskCompleter;
import io.aiactops.platform.web.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses "Verify effectiveness" without a verdict and its reasons; stamps who verified. */
@Component("checkEffectivenessListener")
public class CheckEffectivenessListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!"yes".equals(EFFECTIVE.from(task)) && !"no".equals(EFFECTIVE.from(task))) {
            throw new InvalidFieldException(EFFECTIVE.name(), "say whether the corrective action was effective");
        }
        String notes = EFFECTIVENESS_NOTES.from(task);
        if (notes == null || notes.isBlank()) {
            throw new InvalidFieldException(EFFECTIVENESS_NOTES.name(), "say why, from the KPIs shown");
        }
        String by = TaskCompleter.required(task, "Verifying effectiveness");
        VERIFIED_BY.set(task, by);
    }
}
