package io.aiactops.maintenance;

import io.aiactops.registry.ModelVersionActivated;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands a newly active model version to the corrective actions of its system that wait for one
 * (retrain or adapt), in the activating transaction: an activation is never missed by a waiting case.
 */
@Component
class NewVersionCorrelation {

    private final RuntimeService runtimeService;

    NewVersionCorrelation(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void on(ModelVersionActivated activated) {
        runtimeService.createMessageCorrelation(CorrectiveActionProcess.MESSAGE_MODEL_VERSION_ACTIVATED)
                .processInstanceVariableEquals(CorrectiveActionVariables.AI_SYSTEM_ID.name(), activated.version().systemId())
                .setVariables(CorrectiveActionVariables.activated(activated.version().version(),
                        activated.version().statusChangedAt()))
                .correlateAll();
    }
}
