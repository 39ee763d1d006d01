package io.aiactops.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.aiactops.oversight.Severity;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What a thresholds table must be so that every signal gets an answer: checked when a process owner
 * deploys it, so that a broken table is refused by the deployment instead of failing signals later.
 */
final class ThresholdTableRules {

    private static final Set<String> INPUTS = Set.of("aiSystemId", "metric", "value");

    private ThresholdTableRules() {
    }

    /** The problems of the table, empty when it is fine. */
    static List<String> problems(Decision decision) {
        List<String> problems = new ArrayList<>();
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            problems.add("must be a decision table");
            return problems;
        }
        if (table.getHitPolicy() != HitPolicy.FIRST) {
            problems.add("hit policy must be FIRST (rows are read top to bottom, system-specific rows first), not "
                    + table.getHitPolicy());
        }
        List<String> inputs = table.getInputs().stream()
                .map(i -> i.getInputExpression() == null || i.getInputExpression().getText() == null ? ""
                        : i.getInputExpression().getText().getTextContent().trim())
                .toList();
        INPUTS.stream().filter(name -> !inputs.contains(name)).sorted()
                .forEach(name -> problems.add("needs an input with the expression '" + name + "'"));
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        int severity = outputs.indexOf("severity");
        if (severity < 0 || !outputs.contains("rationale")) {
            problems.add("needs the outputs 'severity' and 'rationale'");
            return problems;
        }
        List<Rule> rules = new ArrayList<>(table.getRules());
        for (Rule rule : rules) {
            String value = text(new ArrayList<>(rule.getOutputEntries()).get(severity));
            if (!isSeverity(value)) {
                problems.add("rule " + rule.getId() + ": severity must be \"ok\", \"warning\" or \"critical\", not " + value);
            }
        }
        Rule last = rules.isEmpty() ? null : rules.get(rules.size() - 1);
        if (last == null || !last.getInputEntries().stream().allMatch(ThresholdTableRules::matchesAnything)
                || !"\"ok\"".equals(text(new ArrayList<>(last.getOutputEntries()).get(severity)))) {
            problems.add("the last rule must be the catch-all: '-' in every input and severity \"ok\"");
        }
        return problems;
    }

    private static boolean isSeverity(String literal) {
        if (literal.length() < 2 || !literal.startsWith("\"") || !literal.endsWith("\"")) {
            return false;
        }
        try {
            Severity.fromWireName(literal.substring(1, literal.length() - 1));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean matchesAnything(InputEntry entry) {
        String text = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
        return text.isEmpty() || text.equals("-");
    }

    private static String text(OutputEntry entry) {
        return entry.getText() == null ? "" : entry.getText().getTextContent().trim();
    }
}
