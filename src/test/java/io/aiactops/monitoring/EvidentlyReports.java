package io.aiactops.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evidently 0.3.2 reports for the tests: one Evidently produced itself ({@link #producedByEvidently}, see
 * src/test/resources/evidently/README.md for where it comes from), and reports the tests build in the
 * same layout of {@code Report.json()} (the metric and result field names of its DataDriftTable and
 * ClassificationQualityMetric) for values that one lacks and for chosen scores. Those are not Evidently's
 * output.
 */
final class EvidentlyReports {

    /** Evidently's own report: a DataDriftTable of 15 columns, 3 of them drifted, of 2023-06-12 12:48:35. */
    static final String PRODUCED_BY_EVIDENTLY = "/evidently/data_drift_dataset_report-0.3.2.json";

    private EvidentlyReports() {
    }

    /** The report Evidently produced, as it wrote it. */
    static String producedByEvidently() {
        try (InputStream in = EvidentlyReports.class.getResourceAsStream(PRODUCED_BY_EVIDENTLY)) {
            return new String(Objects.requireNonNull(in, PRODUCED_BY_EVIDENTLY).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A drift table of two columns: one tested with PSI, one with Kullback-Leibler divergence. */
    static Map<String, Object> driftReport(double psiOfIncome, double klOfAge) {
        return Map.of("version", "0.3.2", "timestamp", "2026-11-25 09:00:00.000000", "metrics", List.of(
                Map.of("metric", "DataDriftTable", "result", Map.of(
                        "number_of_columns", 2, "number_of_drifted_columns", 1, "share_of_drifted_columns", 0.5,
                        "dataset_drift", true, "drift_by_columns", Map.of(
                                "income", column("income", "cat", "PSI", 0.1, psiOfIncome),
                                "age", column("age", "num", "Kullback-Leibler divergence", 0.1, klOfAge)))),
                Map.of("metric", "ClassificationQualityMetric", "result", Map.of("target_name", "default",
                        "current", Map.of("accuracy", 0.91, "precision", 0.88, "recall", 0.79, "f1", 0.83),
                        "reference", Map.of("accuracy", 0.93, "precision", 0.9, "recall", 0.81, "f1", 0.85)))));
    }

    private static Map<String, Object> column(String name, String type, String stattest, double threshold, double score) {
        return Map.of("column_name", name, "column_type", type, "stattest_name", stattest,
                "stattest_threshold", threshold, "drift_score", score, "drift_detected", score > threshold);
    }
}
