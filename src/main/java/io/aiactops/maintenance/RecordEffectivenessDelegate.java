package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.ACTIVATED_AT;
import static io.aiactops.maintenance.CorrectiveActionVariables.AI_SYSTEM_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.EFFECTIVE;
import static io.aiactops.maintenance.CorrectiveActionVariables.EFFECTIVENESS_NOTES;
import static io.aiactops.maintenance.CorrectiveActionVariables.VERIFIED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the verdict with the KPIs it rests on; "not effective" goes back to the decision. */
@Component("recordEffectivenessDelegate")
public class RecordEffectivenessDelegate implements JavaDelegate {

    private final CorrectiveActions actions;
    private final EffectivenessKpis kpis;

    public RecordEffectivenessDelegate(CorrectiveActions actions, EffectivenessKpis kpis) {
        this.actions = actions;
        this.kpis = kpis;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.recordEffectiveness(CORRECTIVE_ACTION_ID.required(execution), "yes".equals(EFFECTIVE.required(execution)),
                EFFECTIVENESS_NOTES.required(execution), EffectivenessKpis.asPayload(kpis.afterActivation(AI_SYSTEM_ID.required(execution),
                        ACTIVATED_AT.required(execution))),
                VERIFIED_BY.required(execution));
    }
}
