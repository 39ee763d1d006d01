package io.aiactops.monitoring;

import java.util.List;

import io.aiactops.platform.process.DecisionDeploymentCheck;
import io.aiactops.platform.process.DeploymentRefusal;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/**
 * Refuses the deployment of a thresholds table that could leave a signal without an answer (see
 * {@link ThresholdTableRules}), with a message naming what is wrong — also for deployments from
 * Camunda Modeler, which go through the engine's REST API.
 */
@Component
class ThresholdTableCheck implements DecisionDeploymentCheck {

    @Override
    public void check(Decision decision) {
        if (!Thresholds.DECISION_KEY.equals(decision.getId())) {
            return;
        }
        List<String> problems = ThresholdTableRules.problems(decision);
        if (!problems.isEmpty()) {
            throw new DeploymentRefusal("The thresholds table '" + Thresholds.DECISION_KEY
                    + "' is refused: " + String.join("; ", problems));
        }
    }
}
