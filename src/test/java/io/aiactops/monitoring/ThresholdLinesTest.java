package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/** Where the shipped thresholds table, and edits of it, put the lines of a chart. */
class ThresholdLinesTest {

    private static final String SHIPPED = read();
    private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

    @Test
    void aMetricThatMustStayHighHasLowerBounds() {
        ThresholdLines accuracy = lines(SHIPPED, "sys-x", "accuracy", SignalCategory.PERFORMANCE);

        assertThat(accuracy.critical()).isEqualTo(new ThresholdLines.Bounds(0.80, null));
        assertThat(accuracy.warning()).isEqualTo(new ThresholdLines.Bounds(0.85, null));
    }

    @Test
    void aMetricThatMustStayLowHasUpperBounds() {
        ThresholdLines drift = lines(SHIPPED, "sys-x", "psi_drift", SignalCategory.DRIFT);

        assertThat(drift.critical()).isEqualTo(new ThresholdLines.Bounds(null, 0.25));
        assertThat(drift.warning()).isEqualTo(new ThresholdLines.Bounds(null, 0.10));
    }

    @Test
    void aDifferenceIsBoundedOnBothSides() {
        ThresholdLines parity = lines(SHIPPED, "sys-x", "demographic_parity_diff", SignalCategory.BIAS);

        assertThat(parity.critical()).isEqualTo(new ThresholdLines.Bounds(-0.10, 0.10));
        assertThat(parity.warning()).isEqualTo(new ThresholdLines.Bounds(-0.05, 0.05));
    }

    @Test
    void aSystemSpecificRuleComesFirstAndHidesTheBoundsItCovers() {
        // Rule_01 makes ±0.05 critical for the demo system: the default warning at ±0.05 can never fire,
        // and the default critical at ±0.10 neither.
        ThresholdLines parity = lines(SHIPPED, "demo-credit-scoring", "demographic_parity_diff", SignalCategory.BIAS);

        assertThat(parity.critical()).isEqualTo(new ThresholdLines.Bounds(-0.05, 0.05));
        assertThat(parity.warning().isEmpty()).isTrue();
    }

    @Test
    void aMetricWithoutRowsHasNoLines() {
        assertThat(lines(SHIPPED, "sys-x", "latency_p99", SignalCategory.PERFORMANCE)).isEqualTo(ThresholdLines.NONE);
    }

    @Test
    void aRuleForAnotherCategoryDoesNotApply() {
        String table = SHIPPED.replace("<inputEntry id=\"Rule_04_Category\"><text>-</text>",
                "<inputEntry id=\"Rule_04_Category\"><text>\"usage\"</text>");

        assertThat(lines(table, "sys-x", "psi_drift", SignalCategory.DRIFT).critical().upper()).isNull();
        assertThat(lines(table, "sys-x", "psi_drift", SignalCategory.USAGE).critical().upper()).isEqualTo(0.25);
    }

    @Test
    void aValueTestOtherThanAComparisonIsNotDrawn() {
        String table = SHIPPED.replace("<inputEntry id=\"Rule_02_Value\"><text>&lt; 0.80</text>",
                "<inputEntry id=\"Rule_02_Value\"><text>[0..0.80[</text>");

        ThresholdLines accuracy = lines(table, "sys-x", "accuracy", SignalCategory.PERFORMANCE);

        assertThat(accuracy.critical().isEmpty()).isTrue();
        assertThat(accuracy.warning().lower()).isEqualTo(0.85);
    }

    @Test
    void aRuleForEveryValueEndsTheReading() {
        String table = SHIPPED.replace("<inputEntry id=\"Rule_02_Value\"><text>&lt; 0.80</text>",
                "<inputEntry id=\"Rule_02_Value\"><text>-</text>");

        assertThat(lines(table, "sys-x", "accuracy", SignalCategory.PERFORMANCE)).isEqualTo(ThresholdLines.NONE);
    }

    private static ThresholdLines lines(String dmn, String system, String metric, SignalCategory category) {
        Decision decision = Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
                .getModelElementById(Thresholds.DECISION_KEY);
        return ThresholdLines.of(decision, system, metric, category, FEEL);
    }

    private static String read() {
        try {
            return Files.readString(Path.of("processes/monitoring-thresholds.dmn"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
