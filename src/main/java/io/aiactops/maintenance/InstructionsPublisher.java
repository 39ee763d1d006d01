package io.aiactops.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Publishes a version and starts its distribution in one transaction: the only starter of {@code instructions-distribution}. */
@Component
class InstructionsPublisher {

    private final Instructions instructions;
    private final RuntimeService runtimeService;
    private final MaintenanceProperties properties;

    InstructionsPublisher(Instructions instructions, RuntimeService runtimeService, MaintenanceProperties properties) {
        this.instructions = instructions;
        this.runtimeService = runtimeService;
        this.properties = properties;
    }

    @Transactional
    InstructionsForUse publish(String systemId, JsonNode body, String actor) {
        InstructionsForUse published = instructions.publish(systemId, body, actor);
        String processInstanceId = runtimeService.startProcessInstanceByKey(InstructionsDistributionProcess.KEY,
                Instructions.subject(systemId, published.version()),
                InstructionsDistributionVariables.start(systemId, published.version(), properties.instructionsReminderCycle()))
                .getId();
        instructions.attachProcess(systemId, published.version(), processInstanceId);
        return published;
    }
}
