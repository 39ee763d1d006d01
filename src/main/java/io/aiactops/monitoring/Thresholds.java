package io.aiactops.monitoring;

import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import io.aiactops.oversight.Severity;
import org.springframework.stereotype.Component;

/**
 * Checks a value against {@code processes/monitoring-thresholds.dmn}, always its latest deployed
 * version, so that a table redeployed from Camunda Modeler applies to the next signal.
 */
@Component
public class Thresholds {

    public static final String DECISION_KEY = "monitoring-thresholds";

    private final DecisionService decisionService;

    Thresholds(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    public ThresholdCheck check(String aiSystemId, String metric, SignalCategory category, BigDecimal value) {
        DmnDecisionResult result = decisionService.evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables()
                        .putValue("aiSystemId", aiSystemId)
                        .putValue("metric", metric)
                        .putValue("category", category.wireName())
                        .putValue("value", value.doubleValue()))
                .evaluate();
        DmnDecisionResultEntries first = result.getFirstResult();
        if (first == null) {
            throw new IllegalStateException("The decision table '" + DECISION_KEY + "' matched no rule for " + metric
                    + "; it must end with a catch-all 'ok' rule");
        }
        String severity = first.getEntry("severity");
        try {
            return new ThresholdCheck(Severity.fromWireName(severity), first.getEntry("rationale"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The decision table '" + DECISION_KEY + "' gave " + e.getMessage(), e);
        }
    }
}
