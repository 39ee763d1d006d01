package io.aiactops.monitoring;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The FEEL engine of the thresholds table, remembering the outcome of input entries that test the
 * input against string literals only ({@code "accuracy"}, {@code "a","b"}): their outcome depends on
 * the input value alone. Without it, every signal re-parses the metric and system test of each row
 * above the match (about 0.7 ms of CPU per signal); tests on numbers and all other expressions are
 * evaluated by FEEL every time, exactly as before.
 */
class LiteralTestCache implements FeelEngineFactory {

    private static final Pattern STRING_LITERALS = Pattern.compile("\\s*\"[^\"\\\\]*\"(\\s*,\\s*\"[^\"\\\\]*\")*\\s*");
    /** Metric, system and category names are few; the bound only guards against a flood of new names. */
    private static final int MAX_ENTRIES = 100_000;

    @Override
    public FeelEngine createInstance() {
        FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
        Map<Key, Boolean> outcomes = new ConcurrentHashMap<>();
        return new FeelEngine() {
            @Override
            public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
                return feel.evaluateSimpleExpression(expression, context);
            }

            @Override
            public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
                TypedValue input = context.resolve(inputVariable);
                Object value = input == null ? null : input.getValue();
                if (!(value instanceof String) || !STRING_LITERALS.matcher(expression).matches()) {
                    return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
                }
                Key key = new Key(expression, (String) value);
                Boolean known = outcomes.get(key);
                if (known != null) {
                    return known;
                }
                boolean outcome = feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
                if (outcomes.size() >= MAX_ENTRIES) {
                    outcomes.clear();
                }
                outcomes.put(key, outcome);
                return outcome;
            }
        };
    }

    private record Key(String expression, String input) {
        Key {
            Objects.requireNonNull(expression);
            Objects.requireNonNull(input);
        }
    }
}
