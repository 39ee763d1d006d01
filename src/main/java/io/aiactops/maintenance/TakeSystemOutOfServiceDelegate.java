package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.ACTION;
import static io.aiactops.maintenance.CorrectiveActionVariables.AI_SYSTEM_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.DECIDED_BY;
import static io.aiactops.maintenance.CorrectiveActionVariables.RATIONALE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Disable or withdraw: takes the system out of service ({@link OutOfService}). */
@Component("takeSystemOutOfServiceDelegate")
public class TakeSystemOutOfServiceDelegate implements JavaDelegate {

    private final OutOfService outOfService;

    public TakeSystemOutOfServiceDelegate(OutOfService outOfService) {
        this.outOfService = outOfService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outOfService.takeOutOfService(AI_SYSTEM_ID.required(execution), CORRECTIVE_ACTION_ID.required(execution),
                CorrectiveActionType.fromWireName(ACTION.required(execution)), RATIONALE.required(execution),
                DECIDED_BY.required(execution));
    }
}
