package io.aiactops.monitoring.builtin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A closed window's value from its summed buckets (docs/monitors.md, "Formulas"), with what a reviewer
 * needs to read it as labels. Empty when the window holds too few values to say anything.
 */
final class Evaluator {

    /** The labels of group rates stop here: a signal's labels stay readable. */
    private static final int MAX_GROUP_LABELS = 20;

    private Evaluator() {
    }

    /** One key's summed counts and sum over a range of buckets. */
    record Sum(long count, double sum) {
        static final Sum ZERO = new Sum(0, 0);
    }

    /** The sums by key of the buckets in [from, to). */
    interface Sums {
        Map<String, Sum> between(Instant from, Instant to);
    }

    record Value(double value, Map<String, String> labels) {
    }

    static Optional<Value> evaluate(Monitor monitor, FrozenReference reference, Sums sums, Instant end,
            double epsilon) {
        Map<String, Sum> window = sums.between(end.minus(monitor.window()), end);
        long events = count(window, Observer.EVENTS);
        long missing = count(window, Observer.MISSING);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kind", monitor.kind().wireName());
        labels.put("events", Long.toString(events));
        labels.put("missing", Long.toString(missing));
        long min = monitor.minCount();
        switch (monitor.kind()) {
            case PSI -> {
                long[] actual = new long[reference.bins().length];
                for (int i = 0; i < actual.length; i++) {
                    actual[i] = count(window, Observer.binKey(i));
                }
                if (events - missing < min) {
                    return Optional.empty();
                }
                return Optional.of(new Value(Formulas.psi(reference.bins(), actual, epsilon), labels));
            }
            case CATEGORY_SHIFT -> {
                Map<String, Long> actual = new LinkedHashMap<>();
                window.forEach((key, sum) -> {
                    if (key.startsWith(Observer.CATEGORY)) {
                        actual.put(key.substring(Observer.CATEGORY.length()), sum.count());
                    }
                });
                if (events - missing < min) {
                    return Optional.empty();
                }
                return Optional.of(new Value(Formulas.categoryShift(reference.categories(), actual, epsilon), labels));
            }
            case CONFIDENCE -> {
                Sum values = window.getOrDefault(Observer.VALUE, Sum.ZERO);
                if (values.count() < min) {
                    return Optional.empty();
                }
                labels.put("cut_off", Double.toString(monitor.cutOff()));
                labels.put("share_below_cut_off", round(Formulas.share(count(window, Observer.LOW), values.count())));
                return Optional.of(new Value(Formulas.mean(values.sum(), values.count()), labels));
            }
            case GROUP_PARITY -> {
                Map<String, Long> members = new LinkedHashMap<>();
                Map<String, Long> outcomes = new LinkedHashMap<>();
                window.forEach((key, sum) -> {
                    if (key.startsWith(Observer.GROUP)) {
                        members.put(key.substring(Observer.GROUP.length()), sum.count());
                    } else if (key.startsWith(Observer.OUTCOME)) {
                        outcomes.put(key.substring(Observer.OUTCOME.length()), sum.count());
                    }
                });
                if (events - missing < min) {
                    return Optional.empty();
                }
                Formulas.Parity parity = Formulas.groupParity(members, outcomes, monitor.minGroupSize());
                if (parity == null) {
                    return Optional.empty();
                }
                parity.rates().entrySet().stream().limit(MAX_GROUP_LABELS)
                        .forEach(rate -> labels.put("rate:" + rate.getKey(), round(rate.getValue())));
                return Optional.of(new Value(parity.ratio(), labels));
            }
            case OVERRIDE_RATE -> {
                long compared = count(window, Observer.COMPARED);
                if (compared < min) {
                    return Optional.empty();
                }
                return Optional.of(new Value(Formulas.share(count(window, Observer.OVERRIDE), compared), labels));
            }
            case VOLUME -> {
                long[] previousDays = new long[7];
                for (int day = 1; day <= 7; day++) {
                    Duration back = Duration.ofDays(day);
                    previousDays[day - 1] = count(sums.between(end.minus(monitor.window()).minus(back), end.minus(back)),
                            Observer.EVENTS);
                }
                long previous = Arrays.stream(previousDays).sum();
                if (previous < min) {
                    return Optional.empty();
                }
                labels.put("previous_7_days", Long.toString(previous));
                return Optional.of(new Value(Formulas.volumeRatio(events, previousDays), labels));
            }
            case MISSING_RATE -> {
                if (events < min) {
                    return Optional.empty();
                }
                return Optional.of(new Value(Formulas.share(missing, events), labels));
            }
        }
        throw new IllegalStateException("unreachable: " + monitor.kind());
    }

    private static long count(Map<String, Sum> window, String key) {
        return window.getOrDefault(key, Sum.ZERO).count();
    }

    private static String round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
