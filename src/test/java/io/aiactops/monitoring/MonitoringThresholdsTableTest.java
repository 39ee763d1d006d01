package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped default thresholds of processes/monitoring-thresholds.dmn, row by row, on the engine
 * the app uses ({@link ThresholdsFeelEngine} decides most cells; {@code ThresholdsFeelEngineTest} holds it to FEEL).
 */
class MonitoringThresholdsTableTest {

    private static DmnEngine engine;
    private static DmnDecision table;

    @BeforeAll
    static void parse() throws Exception {
        engine = Thresholds.newDmnEngine();
        try (InputStream dmn = Files.newInputStream(Path.of("processes/monitoring-thresholds.dmn"))) {
            table = engine.parseDecision(Thresholds.DECISION_KEY, dmn);
        }
    }

    @ParameterizedTest(name = "{0} {1} = {3} -> {4}")
    @CsvSource({
            "any-system, accuracy, performance, 0.79, critical, Accuracy below 0.80",
            "any-system, accuracy, performance, 0.80, warning, Accuracy below 0.85",
            "any-system, accuracy, performance, 0.849, warning, Accuracy below 0.85",
            "any-system, accuracy, performance, 0.85, ok, Within the action thresholds",
            "any-system, psi_drift, drift, 0.26, critical, Population stability index above 0.25: significant input drift",
            "any-system, psi_drift, drift, 0.25, warning, Population stability index above 0.10: moderate input drift",
            "any-system, psi_drift, drift, 0.05, ok, Within the action thresholds",
            "any-system, missing_rate, data_quality, 0.11, critical, More than 10 % of input values missing",
            "any-system, demographic_parity_diff, bias, -0.12, critical, Outcome-rate gap between groups beyond ±0.10",
            "any-system, demographic_parity_diff, bias, 0.06, warning, Outcome-rate gap between groups beyond ±0.05",
            "demo-credit-scoring, demographic_parity_diff, bias, 0.06, critical, "
                    + "'Demo credit scoring: approval-rate gap between groups beyond ±0.05 (lending fairness policy, stricter than the default)'",
            "any-system, mean_confidence, uncertainty, 0.45, critical, Mean confidence below 0.50: outputs too uncertain to rely on",
            "any-system, auth_failures, integrity, 150, critical, More than 100 authentication failures in the window: possible attack",
            "any-system, requests_per_hour, usage, 1000000, ok, Within the action thresholds",
            "any-system, category_shift_psi, drift, 0.30, critical, Category shift (PSI) above 0.25: the mix of outputs or inputs changed significantly",
            "any-system, category_shift_psi, drift, 0.11, warning, Category shift (PSI) above 0.10: the mix of outputs or inputs is moving",
            "any-system, category_shift_psi, drift, 0.10, ok, Within the action thresholds",
            "any-system, group_parity_ratio, bias, 0.79, critical, Outcome-rate ratio between groups below 0.80 (four-fifths rule)",
            "any-system, group_parity_ratio, bias, 0.85, warning, Outcome-rate ratio between groups below 0.90",
            "any-system, group_parity_ratio, bias, 0.95, ok, Within the action thresholds",
            "any-system, override_rate, performance, 0.35, critical, Overseers overrode more than 30 % of outputs: the model is often wrong",
            "any-system, override_rate, performance, 0.20, warning, Overseers overrode more than 15 % of outputs",
            "any-system, override_rate, performance, 0.005, warning, Overseers overrode fewer than 1 % of outputs: possible automation bias (Art. 14(4)(b))",
            "any-system, override_rate, performance, 0.05, ok, Within the action thresholds",
            "any-system, volume_ratio, usage, 0.1, critical, Inference volume below a fifth or above five times the same hours of the last 7 days",
            "any-system, volume_ratio, usage, 6, critical, Inference volume below a fifth or above five times the same hours of the last 7 days",
            "any-system, volume_ratio, usage, 2.5, warning, Inference volume below half or above twice the same hours of the last 7 days",
            "any-system, volume_ratio, usage, 1.1, ok, Within the action thresholds",
            "any-system, mean_confidence, uncertainty, 0.60, warning, Mean confidence below 0.65",
    })
    void classifies(String system, String metric, String category, double value, String severity, String rationale) {
        DmnDecisionResultEntries result = engine.evaluateDecision(table, Variables.createVariables()
                .putValue("aiSystemId", system).putValue("metric", metric).putValue("category", category)
                .putValue("value", value)).getFirstResult();

        assertThat((String) result.getEntry("severity")).isEqualTo(severity);
        assertThat((String) result.getEntry("rationale")).isEqualTo(rationale);
    }
}
