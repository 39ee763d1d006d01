package io.aiactops.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * What decides one system's signals in a thresholds table: the hit policy and, in order, every rule
 * that can match the system, with its other input entries and its outputs. Two versions of the table
 * treat the system alike when these are equal; rule ids, column order and the rules of other
 * systems do not count.
 */
record SystemThresholds(String hitPolicy, List<ApplyingRule> rules) {

    /** A rule's entries keyed by column: input expression or output name, with its type. */
    record ApplyingRule(Map<String, String> inputs, Map<String, String> outputs) {
    }

    private static final String SYSTEM_INPUT = "aiSystemId";
    /** The name Camunda gives a column's value in its input entries when the table names none. */
    private static final String DEFAULT_INPUT_VARIABLE = "cellInput";

    static SystemThresholds of(Decision decision, String systemId, FeelEngine feel) {
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            throw new IllegalArgumentException("decision '" + decision.getId() + "' is not a decision table");
        }
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        int systemColumn = -1;
        for (int i = 0; i < inputs.size(); i++) {
            if (SYSTEM_INPUT.equals(expression(inputs.get(i)))) {
                systemColumn = i;
            }
        }
        List<ApplyingRule> applying = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            List<InputEntry> inputEntries = new ArrayList<>(rule.getInputEntries());
            if (systemColumn >= 0 && !matches(inputEntries.get(systemColumn), inputs.get(systemColumn), systemId, feel)) {
                continue;
            }
            Map<String, String> in = new TreeMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (i != systemColumn) {
                    // Two columns on one expression are kept apart by joining their entries, not by overwriting.
                    in.merge(expression(inputs.get(i)) + " : " + typeRef(inputs.get(i)),
                            text(inputEntries.get(i).getText()), (a, b) -> a + " | " + b);
                }
            }
            Map<String, String> out = new TreeMap<>();
            List<OutputEntry> outputEntries = new ArrayList<>(rule.getOutputEntries());
            for (int i = 0; i < outputs.size(); i++) {
                out.merge(outputs.get(i).getName() + " : " + outputs.get(i).getTypeRef(),
                        text(outputEntries.get(i).getText()), (a, b) -> a + " | " + b);
            }
            applying.add(new ApplyingRule(in, out));
        }
        String hitPolicy = table.getHitPolicy() + (table.getAggregation() == null ? "" : " " + table.getAggregation());
        return new SystemThresholds(hitPolicy, applying);
    }

    /** Whether the rule's system entry can match the system, evaluated by FEEL as the DMN engine does. */
    private static boolean matches(InputEntry entry, Input column, String systemId, FeelEngine feel) {
        String test = text(entry.getText());
        if (test.isEmpty() || test.equals("-")) {
            return true;
        }
        String inputVariable = column.getCamundaInputVariable() == null ? DEFAULT_INPUT_VARIABLE
                : column.getCamundaInputVariable();
        try {
            return feel.evaluateSimpleUnaryTests(test, inputVariable, Variables.createVariables()
                    .putValue(inputVariable, systemId).putValue(SYSTEM_INPUT, systemId).asVariableContext());
        } catch (FeelException e) {
            // A test that cannot be evaluated here might match the system: counting it keeps any change to it visible.
            return true;
        }
    }

    private static String expression(Input input) {
        return input.getInputExpression() == null ? "" : text(input.getInputExpression().getText());
    }

    private static String typeRef(Input input) {
        return input.getInputExpression() == null ? "" : input.getInputExpression().getTypeRef();
    }

    private static String text(Text text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent().trim();
    }
}
