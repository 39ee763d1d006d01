package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class EvidentlyReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EvidentlyProperties defaults = new EvidentlyProperties(Map.of(), Map.of());

    @Test
    void aReportEvidentlyProducedGivesItsDriftShareAndTheDriftOfEachColumn() throws Exception {
        List<NewSignal> signals = EvidentlyReport.signals(JSON.readTree(EvidentlyReports.producedByEvidently()),
                defaults.mapping("credit"), null);

        assertThat(signals).hasSize(16);
        assertThat(signals).allSatisfy(s -> {
            assertThat(s.category()).isEqualTo(SignalCategory.DRIFT);
            assertThat(s.observedAt()).isEqualTo(Instant.parse("2023-06-12T12:48:35.521369Z"));
            assertThat(s.source()).isEqualTo("evidently 0.3.2");
        });
        assertThat(value(signals, "drift_share", null)).isEqualByComparingTo("0.2");
        // Nine categorical columns tested with PSI, six numerical ones with Kullback-Leibler divergence.
        assertThat(signals).filteredOn(s -> s.metric().equals("psi_drift")).hasSize(9);
        assertThat(signals).filteredOn(s -> s.metric().equals("column_drift_score")).hasSize(6);
        assertThat(value(signals, "psi_drift", "education")).isEqualByComparingTo("15.016729259060076");
        assertThat(value(signals, "psi_drift", "occupation")).isEqualByComparingTo("0.19182922339975306");
        assertThat(value(signals, "column_drift_score", "education-num")).isEqualByComparingTo("6.873706387420469");
        assertThat(signals.stream().filter(s -> "education".equals(s.labels().get("column"))).findFirst().orElseThrow()
                .labels()).containsEntry("stattest", "PSI").containsEntry("drift_detected", "true")
                .containsEntry("evidently_metric", "DataDriftTable");
    }

    private static java.math.BigDecimal value(List<NewSignal> signals, String metric, String column) {
        return signals.stream().filter(s -> s.metric().equals(metric))
                .filter(s -> column == null || column.equals(s.labels().get("column"))).findFirst().orElseThrow().value();
    }

    @Test
    void theDefaultMappingTakesDriftShareEachColumnsDriftAndTheQualityMetrics() {
        List<NewSignal> signals = EvidentlyReport.signals(report(EvidentlyReports.driftReport(0.31, 0.02)),
                defaults.mapping("credit"), "2.3.0");

        assertThat(signals).extracting(NewSignal::metric).containsExactlyInAnyOrder("drift_share", "psi_drift",
                "column_drift_score", "accuracy", "precision", "recall", "f1");
        NewSignal psi = signals.stream().filter(s -> s.metric().equals("psi_drift")).findFirst().orElseThrow();
        assertThat(psi.value()).isEqualByComparingTo("0.31");
        assertThat(psi.category()).isEqualTo(SignalCategory.DRIFT);
        assertThat(psi.labels()).containsEntry("column", "income").containsEntry("stattest", "PSI");
        assertThat(psi.observedAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(psi.modelVersion()).isEqualTo("2.3.0");
        assertThat(signals.stream().filter(s -> s.metric().equals("accuracy")).findFirst().orElseThrow().category())
                .isEqualTo(SignalCategory.PERFORMANCE);
        assertThat(signals).extracting(NewSignal::signalId).doesNotHaveDuplicates();
    }

    @Test
    void theSameReportGivesTheSameSignalIdsSoAResendIsRecognised() {
        JsonNode report = report(EvidentlyReports.driftReport(0.31, 0.02));
        assertThat(EvidentlyReport.signals(report, defaults.mapping("credit"), null)).extracting(NewSignal::signalId)
                .isEqualTo(EvidentlyReport.signals(report.deepCopy(), defaults.mapping("credit"), null).stream()
                        .map(NewSignal::signalId).toList())
                .doesNotContainAnyElementsOf(EvidentlyReport.signals(report(EvidentlyReports.driftReport(0.32, 0.02)),
                        defaults.mapping("credit"), null).stream().map(NewSignal::signalId).toList());
    }

    @Test
    void aSystemsOwnMappingRenamesOrDropsValues() {
        EvidentlyProperties configured = new EvidentlyProperties(Map.of("drift_score", ""),
                Map.of("credit", Map.of("drift_score.psi", "income_psi", "precision", "", "recall", "")));

        List<NewSignal> credit = EvidentlyReport.signals(report(EvidentlyReports.driftReport(0.31, 0.02)),
                configured.mapping("credit"), null);
        List<NewSignal> other = EvidentlyReport.signals(report(EvidentlyReports.driftReport(0.31, 0.02)),
                configured.mapping("other"), null);

        assertThat(credit).extracting(NewSignal::metric).containsExactlyInAnyOrder("drift_share", "income_psi", "accuracy",
                "f1");
        assertThat(other).extracting(NewSignal::metric).containsExactlyInAnyOrder("drift_share", "psi_drift", "accuracy",
                "precision", "recall", "f1");
    }

    @Test
    void aMetricNameThatIsNotOneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new EvidentlyProperties(Map.of("accuracy", "Accuracy Score"), Map.of()))
                .hasMessageContaining("Accuracy Score");
    }

    @Test
    void aReportWithoutAnyMappableMetricIs422NamingWhatWasExpected() {
        JsonNode summary = report(Map.of("version", "0.3.2", "timestamp", "2026-11-25 09:00:00.000000", "metrics",
                List.of(Map.of("metric", "ColumnSummaryMetric", "result", Map.of("column_name", "age")))));

        assertThatThrownBy(() -> EvidentlyReport.signals(summary, defaults.mapping("credit"), null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(e.field()).isEqualTo("metrics");
                    assertThat(e.getMessage()).contains("DataDriftTable", "ClassificationQualityMetric");
                });
    }

    @Test
    void anotherEvidentlyVersionIsRefusedNamingThePinnedOne() {
        JsonNode newer = report(Map.of("version", "0.7.21", "timestamp", "2026-11-25 09:00:00.000000",
                "metrics", List.of()));

        assertThatThrownBy(() -> EvidentlyReport.signals(newer, defaults.mapping("credit"), null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(e.getMessage()).contains("0.3.2", "0.7.21");
                });
    }

    private static JsonNode report(Object report) {
        return JSON.valueToTree(report);
    }
}
