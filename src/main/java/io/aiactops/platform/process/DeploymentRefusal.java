package io.aiactops.platform.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A deployment refused by one of our checks (e.g. a thresholds table without its catch-all row). Answered
 * by /engine-rest as 400 with this message, so that Camunda Modeler and scripts show why, instead of the
 * engine's "Unable to transform DMN resource" and a 500.
 */
public class DeploymentRefusal extends ProcessEngineException {

    public DeploymentRefusal(String message) {
        super(message);
    }
}
