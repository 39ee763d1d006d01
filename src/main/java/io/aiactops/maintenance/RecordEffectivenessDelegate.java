package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.ACTIVATED_AT;
import static io.aiactops.maintenance.CorrectiveActionVariables.AI_SYSTEM_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.EFFECTIVE;
import static io.aiactops.maintenance.CorrectiveActionVariables.EFFECTIVENESS_NOTES;
import static io.aiactops.maintenance.CorrectiveActionVariables.VERIFIED_BY;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the verdict with the KPIs it rests on; "not effective" goes back to the decision. */
@Component("recordEffectivenessDelegate")
public class RecordEffectivenessDelegate implements JavaDelegate {

    private final CorrectiveActions actions;
    private final EffectivenessKpis kpis;
    private final MaintenanceProperties properties;

    public RecordEffectivenessDelegate(CorrectiveActions actions, EffectivenessKpis kpis, MaintenanceProperties properties) {
        this.actions = actions;
        this.kpis = kpis;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.recordEffectiveness(CORRECTIVE_ACTION_ID.required(execution), "yes".equals(EFFECTIVE.required(execution)),
                EFFECTIVENESS_NOTES.required(execution), EffectivenessKpis.asPayload(kpis.compare(AI_SYSTEM_ID.required(execution),
                        Instant.parse(ACTIVATED_AT.required(execution)), properties.verificationWindow())),
                VERIFIED_BY.required(execution));
    }
}
