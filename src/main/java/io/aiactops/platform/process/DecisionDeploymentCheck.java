package io.aiactops.platform.process;

import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * A rule a DMN decision must keep to be deployed, also from Camunda Modeler through the REST API. A
 * capability declares it as a bean and keeps only the rule; {@link DecisionDeploymentChecks} hooks it
 * into the engine. Each method refuses by throwing, with a message that names what is wrong.
 */
public interface DecisionDeploymentCheck {

    /** Every decision as the engine reads it: a new deployment, or one read again into the engine's cache. */
    default void check(Decision decision) {
    }

    /** A decision of a new deployment (no tenant), once the engine has accepted the whole deployment. */
    default void checkNew(DeployedDecision decision) {
    }

    /** @param dmn the DMN file the decision comes from, as deployed */
    record DeployedDecision(String key, String deploymentId, byte[] dmn) {
    }
}
