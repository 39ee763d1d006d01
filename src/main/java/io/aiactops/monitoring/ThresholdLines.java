package io.aiactops.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.aiactops.oversight.Severity;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * The values at which the thresholds table turns one system's metric into a warning or a critical
 * breach, as a chart draws them. {@code lower}: values below it breach; {@code upper}: values above it.
 * A side the table does not bound is {@code null}.
 * <p>
 * Read from the rules as the table's FIRST hit policy applies them: top to bottom, only the rules whose
 * system, metric and category entries match, and only value tests that compare with a number
 * ({@code < 0.8}, {@code >= 100}, {@code < -0.05, > 0.05}). A bound that an earlier rule already covers
 * can never fire and is left out; a rule matching every value ends the reading. Other value tests
 * (ranges, functions) are not drawn.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ThresholdLines(Bounds warning, Bounds critical) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Bounds(Double lower, Double upper) {

        static final Bounds NONE = new Bounds(null, null);

        @JsonIgnore
        public boolean isEmpty() {
            return lower == null && upper == null;
        }
    }

    public static final ThresholdLines NONE = new ThresholdLines(Bounds.NONE, Bounds.NONE);

    private static final String DEFAULT_INPUT_VARIABLE = "cellInput";

    static ThresholdLines of(Decision decision, String systemId, String metric, SignalCategory category, FeelEngine feel) {
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            return NONE;
        }
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        int severityColumn = outputs.stream().map(Output::getName).toList().indexOf("severity");
        if (severityColumn < 0) {
            return NONE;
        }
        VariableMap known = Variables.createVariables().putValue("aiSystemId", systemId).putValue("metric", metric)
                .putValue("category", category == null ? null : category.wireName());
        Reading reading = new Reading();
        for (Rule rule : table.getRules()) {
            List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
            String valueTest = null;
            boolean applies = true;
            for (int i = 0; i < inputs.size() && applies; i++) {
                String expression = text(inputs.get(i).getInputExpression() == null ? null
                        : inputs.get(i).getInputExpression().getText());
                String test = text(entries.get(i).getText());
                if ("value".equals(expression)) {
                    valueTest = test;
                } else {
                    applies = matches(test, inputs.get(i), expression, known, feel);
                }
            }
            if (!applies) {
                continue;
            }
            Severity severity = severity(text(new ArrayList<>(rule.getOutputEntries()).get(severityColumn).getText()));
            if (valueTest == null || valueTest.isEmpty() || valueTest.equals("-")) {
                // Every value stops at this rule: nothing below it is ever reached.
                break;
            }
            List<Comparison> comparisons = comparisons(valueTest);
            if (comparisons != null && severity != null) {
                comparisons.forEach(c -> reading.add(severity, c));
            }
        }
        return new ThresholdLines(reading.bounds(Severity.WARNING), reading.bounds(Severity.CRITICAL));
    }

    /** One side of a value test: {@code upper} for {@code > n} and {@code >= n}, else lower. */
    private record Comparison(boolean upper, double at) {
    }

    /** The bounds found so far and what earlier rules already cover on each side. */
    private static final class Reading {
        private Double coveredAbove;
        private Double coveredBelow;
        private Double warningLower;
        private Double warningUpper;
        private Double criticalLower;
        private Double criticalUpper;

        void add(Severity severity, Comparison c) {
            if (c.upper()) {
                boolean reachable = coveredAbove == null || c.at() < coveredAbove;
                if (reachable && severity == Severity.WARNING && warningUpper == null) {
                    warningUpper = c.at();
                } else if (reachable && severity == Severity.CRITICAL && criticalUpper == null) {
                    criticalUpper = c.at();
                }
                coveredAbove = coveredAbove == null ? c.at() : Math.min(coveredAbove, c.at());
            } else {
                boolean reachable = coveredBelow == null || c.at() > coveredBelow;
                if (reachable && severity == Severity.WARNING && warningLower == null) {
                    warningLower = c.at();
                } else if (reachable && severity == Severity.CRITICAL && criticalLower == null) {
                    criticalLower = c.at();
                }
                coveredBelow = coveredBelow == null ? c.at() : Math.max(coveredBelow, c.at());
            }
        }

        Bounds bounds(Severity severity) {
            return severity == Severity.WARNING ? new Bounds(warningLower, warningUpper)
                    : new Bounds(criticalLower, criticalUpper);
        }
    }

    /**
     * The comparisons of a value test, or {@code null} when any part of it is something else: the forms the
     * table's engine decides itself ({@link ThresholdsFeelEngine.Comparison}), a bare number excepted.
     */
    private static List<Comparison> comparisons(String test) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String part : test.split(",")) {
            Optional<ThresholdsFeelEngine.Comparison> comparison = ThresholdsFeelEngine.Comparison.of(part);
            if (comparison.isEmpty() || comparison.get().operator().equals("=")) {
                return null;
            }
            comparisons.add(new Comparison(comparison.get().operator().startsWith(">"),
                    comparison.get().bound().doubleValue()));
        }
        return comparisons;
    }

    /** Whether an entry of another column can match the system's metric, evaluated by FEEL as the DMN engine does. */
    private static boolean matches(String test, Input column, String expression, VariableMap known, FeelEngine feel) {
        if (test.isEmpty() || test.equals("-")) {
            return true;
        }
        if (!known.containsKey(expression) || known.get(expression) == null) {
            // A column we know no value for (a category never sent): only a rule open to any value is sure to apply.
            return false;
        }
        String inputVariable = column.getCamundaInputVariable() == null ? DEFAULT_INPUT_VARIABLE
                : column.getCamundaInputVariable();
        VariableMap context = Variables.fromMap(known).putValue(inputVariable, known.get(expression));
        try {
            return feel.evaluateSimpleUnaryTests(test, inputVariable, context.asVariableContext());
        } catch (FeelException e) {
            return false;
        }
    }

    private static Severity severity(String literal) {
        if (literal.length() < 2 || !literal.startsWith("\"") || !literal.endsWith("\"")) {
            return null;
        }
        try {
            return Severity.fromWireName(literal.substring(1, literal.length() - 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Text text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent().trim();
    }
}
