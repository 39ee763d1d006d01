package io.aiactops.maintenance;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only place {@code corrective-action} is started from code (a serious incident hands over by the
 * start message). The first step opens the case in the starting transaction, so its id is known, and
 * committed, when this returns.
 */
@Component
public class CorrectiveActionStarter {

    private final RuntimeService runtimeService;
    private final CorrectiveActions actions;

    CorrectiveActionStarter(RuntimeService runtimeService, CorrectiveActions actions) {
        this.runtimeService = runtimeService;
        this.actions = actions;
    }

    @Transactional
    public String start(NewCorrectiveAction request, String requestedBy) {
        actions.validate(request);
        return CorrectiveActionVariables.CORRECTIVE_ACTION_ID.from(runtimeService
                .createProcessInstanceByKey(CorrectiveActionProcess.KEY)
                .setVariables(CorrectiveActionVariables.start(request, requestedBy))
                .executeWithVariablesInReturn().getVariables());
    }
}
