package io.aiactops.monitoring.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.monitoring.SignalCategory;
import org.junit.jupiter.api.Test;

/**
 * Inference payloads through the observer into hourly buckets, and a window's value from them: the
 * path a run takes, without the database. Hand-counted expectations.
 */
class EvaluatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant END = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(2);

    /** Buckets keyed by (hour, key), as the database holds them. */
    private final Map<MonitorStates.BucketId, Evaluator.Sum> buckets = new HashMap<>();

    @Test
    void confidenceIsTheMeanAndTheShareBelowTheCutOff() {
        Monitor monitor = monitor(MonitorKind.CONFIDENCE, "/confidence", 4);
        // 0.9 0.8 0.4 0.3 and one without confidence: mean 2.4/4 = 0.6, below 0.5: 2 of 4
        observe(monitor, END.minusSeconds(60), "{\"confidence\":0.9}", "{\"confidence\":0.8}", "{\"confidence\":0.4}",
                "{\"confidence\":0.3}", "{\"output\":1}");

        Evaluator.Value value = evaluate(monitor);
        assertThat(value.value()).isCloseTo(0.6, within(1e-12));
        assertThat(value.labels()).containsEntry("share_below_cut_off", "0.5000").containsEntry("missing", "1")
                .containsEntry("events", "5");
    }

    @Test
    void overrideRateComparesTheModelsAndTheHumansDecisionOfTheSameEvent() {
        Monitor monitor = new Monitor("override_rate", SignalCategory.PERFORMANCE, MonitorKind.OVERRIDE_RATE,
                Duration.ofHours(1), WINDOW, 4, null, null, null, null, null, null, null, null, "/output/decision",
                "/human/decision", null);
        // 4 compared, 1 overridden → 0.25; the event without a human decision is missing
        observe(monitor, END.minusSeconds(60),
                "{\"output\":{\"decision\":\"approve\"},\"human\":{\"decision\":\"approve\"}}",
                "{\"output\":{\"decision\":\"approve\"},\"human\":{\"decision\":\"decline\"}}",
                "{\"output\":{\"decision\":\"decline\"},\"human\":{\"decision\":\"decline\"}}",
                "{\"output\":{\"decision\":\"refer\"},\"human\":{\"decision\":\"refer\"}}",
                "{\"output\":{\"decision\":\"refer\"}}");

        assertThat(evaluate(monitor).value()).isEqualTo(0.25);
    }

    @Test
    void missingRateCountsAbsentAndNullFields() {
        Monitor monitor = monitor(MonitorKind.MISSING_RATE, "/input/income", 4);
        // 2 of 5 missing (one absent, one null) → 0.4; wrong-typed and empty payloads do not fail
        observe(monitor, END.minusSeconds(60), "{\"input\":{\"income\":10}}", "{\"input\":{\"income\":null}}",
                "{\"input\":{}}", "{\"input\":{\"income\":\"high\"}}", "{\"input\":{\"income\":[1]}}");

        assertThat(evaluate(monitor).value()).isEqualTo(0.4);
    }

    @Test
    void groupParityOverTheWindow() {
        Monitor monitor = new Monitor("group_parity_ratio", SignalCategory.BIAS, MonitorKind.GROUP_PARITY,
                Duration.ofHours(1), WINDOW, 1, null, null, null, null, "/context/group", "/output/decision", "approve",
                2, null, null, null);
        // A: 2 of 2 approved (1.0), B: 1 of 2 (0.5), C has 1 member (< 2): ratio 0.5
        observe(monitor, END.minusSeconds(60), "{\"context\":{\"group\":\"A\"},\"output\":{\"decision\":\"approve\"}}",
                "{\"context\":{\"group\":\"A\"},\"output\":{\"decision\":\"approve\"}}",
                "{\"context\":{\"group\":\"B\"},\"output\":{\"decision\":\"approve\"}}",
                "{\"context\":{\"group\":\"B\"},\"output\":{\"decision\":\"decline\"}}",
                "{\"context\":{\"group\":\"C\"},\"output\":{\"decision\":\"decline\"}}");

        Evaluator.Value value = evaluate(monitor);
        assertThat(value.value()).isEqualTo(0.5);
        assertThat(value.labels()).containsEntry("rate:A", "1.0000").containsEntry("rate:B", "0.5000")
                .doesNotContainKey("rate:C");
    }

    @Test
    void volumeAgainstTheSameHoursOfTheSevenDaysBefore() {
        Monitor monitor = monitor(MonitorKind.VOLUME, null, 7);
        // 3 events now; 1 a day in the same window on each of the 7 days before: mean 1 → 3.0
        observe(monitor, END.minusSeconds(60), "{}", "{}", "{}");
        for (int day = 1; day <= 7; day++) {
            observe(monitor, END.minus(Duration.ofDays(day)).minusSeconds(60), "{}");
        }
        // outside every compared window: the day before's following hour
        observe(monitor, END.minus(Duration.ofDays(1)).plusSeconds(60), "{}");

        assertThat(evaluate(monitor).value()).isEqualTo(3.0);
    }

    @Test
    void psiOfTheWindowAgainstTheFrozenReference() {
        FrozenReference reference = new FrozenReference(null, null, 100, new double[] {0.5, 0.8}, new long[] {50, 30, 20},
                null);
        Monitor monitor = monitor(MonitorKind.PSI, "/output/score", 10);
        // 3 below 0.5, 3 in [0.5, 0.8), 4 at or above 0.8 → 30/30/40 against 50/30/20: 0.2407946
        String[] scores = {"0.1", "0.2", "0.3", "0.5", "0.6", "0.7", "0.8", "0.9", "0.95", "1"};
        for (String score : scores) {
            observe(monitor, reference, END.minusSeconds(60), "{\"output\":{\"score\":" + score + "}}");
        }
        Evaluator.Value value = Evaluator.evaluate(monitor, reference, this::between, END, 0.0001).orElseThrow();
        assertThat(value.value()).isCloseTo(0.2407946, within(1e-7));
    }

    @Test
    void fewerValuesThanTheMinimumCountEmitNothing() {
        Monitor monitor = monitor(MonitorKind.CONFIDENCE, "/confidence", 3);
        observe(monitor, END.minusSeconds(60), "{\"confidence\":0.9}", "{\"confidence\":0.8}", "{}", "{}");
        // events outside the window do not count
        observe(monitor, END.plusSeconds(60), "{\"confidence\":0.9}");
        observe(monitor, END.minus(WINDOW).minusSeconds(1), "{\"confidence\":0.9}");

        assertThat(Evaluator.evaluate(monitor, null, this::between, END, 0.0001)).isEmpty();
    }

    private static Monitor monitor(MonitorKind kind, String field, int minCount) {
        return new Monitor(kind.defaultMetric(), kind.defaultCategory(), kind, Duration.ofHours(1), WINDOW, minCount,
                field, null, null, kind == MonitorKind.CONFIDENCE ? 0.5 : null, null, null, null, null, null, null, null);
    }

    private void observe(Monitor monitor, Instant at, String... payloads) {
        for (String payload : payloads) {
            observe(monitor, null, at, payload);
        }
    }

    private void observe(Monitor monitor, FrozenReference reference, Instant at, String payload) {
        Instant hour = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 3600) * 3600);
        Observer.observe(monitor, reference, parse(payload)::at, (key, count, sum) -> buckets.merge(
                new MonitorStates.BucketId(hour, key), new Evaluator.Sum(count, sum),
                (a, b) -> new Evaluator.Sum(a.count() + b.count(), a.sum() + b.sum())));
    }

    private Evaluator.Value evaluate(Monitor monitor) {
        return Evaluator.evaluate(monitor, null, this::between, END, 0.0001).orElseThrow();
    }

    private Map<String, Evaluator.Sum> between(Instant from, Instant to) {
        Map<String, Evaluator.Sum> sums = new HashMap<>();
        buckets.forEach((id, sum) -> {
            if (!id.start().isBefore(from) && id.start().isBefore(to)) {
                sums.merge(id.key(), sum, (a, b) -> new Evaluator.Sum(a.count() + b.count(), a.sum() + b.sum()));
            }
        });
        return sums;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
