package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.ACTION;
import static io.aiactops.maintenance.CorrectiveActionVariables.AI_SYSTEM_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.DECIDED_BY;
import static io.aiactops.maintenance.CorrectiveActionVariables.RATIONALE;

import io.aiactops.oversight.SystemStops;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Disable or withdraw: the system is stopped exactly as by the stop button (suspended at once, the
 * serving layer's webhook called, its safe state awaited); a withdrawal then marks it WITHDRAWN, from
 * which it cannot be resumed.
 */
@Component("takeSystemOutOfServiceDelegate")
public class TakeSystemOutOfServiceDelegate implements JavaDelegate {

    private final SystemStops stops;
    private final Registry registry;

    public TakeSystemOutOfServiceDelegate(SystemStops stops, Registry registry) {
        this.stops = stops;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String systemId = AI_SYSTEM_ID.required(execution);
        String by = DECIDED_BY.required(execution);
        CorrectiveActionType type = CorrectiveActionType.fromWireName(ACTION.required(execution));
        String reason = "corrective action " + CORRECTIVE_ACTION_ID.required(execution) + " (" + type.wireName() + "): "
                + RATIONALE.required(execution);
        if (registry.get(systemId).status() == SystemStatus.ACTIVE) {
            stops.stop(systemId, reason, by, "corrective_action");
        }
        if (type == CorrectiveActionType.WITHDRAW && registry.get(systemId).status() != SystemStatus.WITHDRAWN) {
            registry.withdraw(systemId, reason, by);
        }
    }
}
