package io.aiactops.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The FEEL engine of the thresholds table. The forms a thresholds table is made of are decided here
 * without FEEL: the wildcard {@code -}; a string input tested against string literals ({@code "accuracy"},
 * {@code "a","b"}); a number tested against comparisons and intervals ({@code < 0.80},
 * {@code < -0.05, > 0.05}, {@code [0.1..0.2]}); an input expression that names a variable of a plain
 * type; an output that is a string literal. Anything else goes to the Scala FEEL engine, as does any of
 * these forms given an input of another kind.
 * <p>
 * Why: the Scala engine builds its whole table of built-in functions for every evaluation, and a signal
 * took some 60 evaluations (each row's system, metric and category test, the inputs, the outputs):
 * about 1 ms of CPU, three quarters of a signal's work (profiled). Each cell is parsed once and kept.
 * {@code ThresholdsFeelEngineTest} checks every form against the Scala engine itself.
 */
class ThresholdsFeelEngine implements FeelEngineFactory {

    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
    /** A string literal without escapes (FEEL decides those). */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)?\\s*(" + NUMBER + ")");
    private static final Pattern INTERVAL = Pattern.compile(
            "([\\[(\\]])\\s*(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER + ")\\s*([\\])\\[])");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** FEEL's words, which a variable's name cannot be. */
    private static final List<String> KEYWORDS = List.of("null", "true", "false", "not", "and", "or", "in",
            "between", "instance", "of", "function", "if", "then", "else", "for", "return", "some", "every",
            "satisfies");
    /** The cells of deployed tables are few; the bound only guards against a flood of new expressions. */
    private static final int MAX_CACHED = 10_000;

    private final FeelEngineFactory behind;

    ThresholdsFeelEngine() {
        this(new ScalaFeelEngineFactory());
    }

    /** In front of the FEEL engine {@code behind} makes (a test's, to count what reaches it). */
    ThresholdsFeelEngine(FeelEngineFactory behind) {
        this.behind = behind;
    }

    @Override
    public FeelEngine createInstance() {
        return new Engine(behind.createInstance());
    }

    /** The kind of input a test is decided for here. */
    enum Kind {
        ANY, STRING, NUMBER
    }

    /** An input entry decided here, for an input of its kind; {@link #test} is given it as FEEL would read it. */
    record UnaryTests(Kind kind, Predicate<Object> test) {

        boolean decides(Object input) {
            return switch (kind) {
                case ANY -> true;
                case STRING -> input instanceof String;
                case NUMBER -> number(input).isPresent();
            };
        }
    }

    private static final class Engine implements FeelEngine {
        private final FeelEngine feel;
        private final Map<String, Optional<UnaryTests>> tests = new ConcurrentHashMap<>();
        private final Map<String, Optional<Function<VariableContext, Optional<Object>>>> expressions =
                new ConcurrentHashMap<>();

        Engine(FeelEngine feel) {
            this.feel = feel;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
            Optional<Object> value = cached(expressions, expression, ThresholdsFeelEngine::expression)
                    .flatMap(known -> known.apply(context));
            return value.isPresent() ? (T) value.get() : feel.evaluateSimpleExpression(expression, context);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
            Optional<UnaryTests> known = cached(tests, expression, ThresholdsFeelEngine::unaryTests);
            if (known.isPresent()) {
                TypedValue input = context.resolve(inputVariable);
                Object value = input == null ? null : input.getValue();
                if (known.get().decides(value)) {
                    return known.get().test().test(value);
                }
            }
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
        }

        private static <V> Optional<V> cached(Map<String, Optional<V>> cache, String expression,
                Function<String, Optional<V>> parse) {
            Optional<V> known = cache.get(expression);
            if (known == null) {
                known = parse.apply(expression);
                if (cache.size() < MAX_CACHED) {
                    cache.put(expression, known);
                }
            }
            return known;
        }
    }

    /**
     * An input expression or output entry decided here, if it is a string literal or names a variable;
     * the function gives nothing where FEEL must decide (a variable absent, null or of another type).
     */
    static Optional<Function<VariableContext, Optional<Object>>> expression(String text) {
        String trimmed = text.trim();
        Matcher literal = STRING_LITERAL.matcher(trimmed);
        if (literal.matches()) {
            Optional<Object> value = Optional.of(literal.group(1));
            return Optional.of(context -> value);
        }
        if (NAME.matcher(trimmed).matches() && !KEYWORDS.contains(trimmed)) {
            return Optional.of(context -> {
                Object value = context.containsVariable(trimmed) ? context.resolve(trimmed).getValue() : null;
                return value instanceof String || value instanceof Double || value instanceof Boolean
                        ? Optional.of(value) : Optional.empty();
            });
        }
        return Optional.empty();
    }

    /**
     * An input entry decided here, if it is the wildcard, a list of string literals, or a list of
     * comparisons and intervals over numbers. A string literal holding a comma is split apart below,
     * matches no form, and is left to FEEL.
     */
    static Optional<UnaryTests> unaryTests(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("-")) {
            return Optional.of(new UnaryTests(Kind.ANY, input -> true));
        }
        List<Predicate<Object>> strings = new ArrayList<>();
        List<Predicate<Object>> numbers = new ArrayList<>();
        for (String term : trimmed.split(",", -1)) {
            String part = term.trim();
            Optional<Predicate<Object>> string = stringTest(part);
            Optional<Predicate<Object>> number = numberTest(part);
            if (string.isPresent()) {
                strings.add(string.get());
            } else if (number.isPresent()) {
                numbers.add(number.get());
            } else {
                return Optional.empty();
            }
        }
        if (!strings.isEmpty() && !numbers.isEmpty()) {
            return Optional.empty(); // a list of both kinds: FEEL decides
        }
        List<Predicate<Object>> any = strings.isEmpty() ? numbers : strings;
        return Optional.of(new UnaryTests(strings.isEmpty() ? Kind.NUMBER : Kind.STRING,
                input -> any.stream().anyMatch(test -> test.test(input))));
    }

    private static Optional<Predicate<Object>> stringTest(String term) {
        Matcher literal = STRING_LITERAL.matcher(term);
        if (!literal.matches()) {
            return Optional.empty();
        }
        String expected = literal.group(1);
        return Optional.of(expected::equals);
    }

    /** A number compared with a bound: {@code < 0.80}, {@code >= 0.2}, or a bare number ({@code =}). */
    record Comparison(String operator, BigDecimal bound) {

        /** The comparison a unary test is, if it is one. */
        static Optional<Comparison> of(String term) {
            Matcher comparison = COMPARISON.matcher(term.trim());
            return comparison.matches() ? Optional.of(new Comparison(
                    comparison.group(1) == null ? "=" : comparison.group(1), new BigDecimal(comparison.group(2))))
                    : Optional.empty();
        }

        boolean test(BigDecimal value) {
            int order = value.compareTo(bound);
            return switch (operator) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> order == 0;
            };
        }
    }

    private static Optional<Predicate<Object>> numberTest(String term) {
        Optional<Comparison> comparison = Comparison.of(term);
        if (comparison.isPresent()) {
            return Optional.of(input -> comparison.get().test(number(input).orElseThrow()));
        }
        Matcher interval = INTERVAL.matcher(term);
        if (interval.matches()) {
            boolean fromIncluded = interval.group(1).equals("[");
            BigDecimal from = new BigDecimal(interval.group(2));
            BigDecimal to = new BigDecimal(interval.group(3));
            boolean toIncluded = interval.group(4).equals("]");
            return Optional.of(input -> {
                BigDecimal value = number(input).orElseThrow();
                int low = value.compareTo(from);
                int high = value.compareTo(to);
                return (fromIncluded ? low >= 0 : low > 0) && (toIncluded ? high <= 0 : high < 0);
            });
        }
        return Optional.empty();
    }

    /** A number as FEEL reads it: a double by its shortest decimal form (0.8 is 0.8, not 0.80000000000000004). */
    private static Optional<BigDecimal> number(Object input) {
        if (input instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (input instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? Optional.empty() : Optional.of(BigDecimal.valueOf(d));
        }
        if (input instanceof Integer || input instanceof Long) {
            return Optional.of(BigDecimal.valueOf(((Number) input).longValue()));
        }
        return Optional.empty();
    }
}
