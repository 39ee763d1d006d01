package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.aiactops.oversight.Severity;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The series table on H2 (the default profile): points in, windows and latest values out. */
class MetricSeriesTest {

    private static final DataSource H2 = new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:metric-series;DB_CLOSE_DELAY=-1", "sa", "");
    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(H2);
    private final MetricSeries series = new MetricSeries(jdbc, new JdbcTemplate(H2));

    @BeforeAll
    static void schema() {
        Flyway.configure().dataSource(H2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .table("aiact_schema_history").load().migrate();
    }

    @BeforeEach
    void noPoints() {
        // Points only: the AI system they belong to is the registry's, which this test does not build.
        jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        jdbc.sql("DELETE FROM metric_point").update();
    }

    @Test
    void aWindowHoldsThePointsAfterItsStartOldestFirst() {
        series.add("sys-a", List.of(recorded("accuracy", 0.9, 3, Severity.OK), recorded("accuracy", 0.78, 1, Severity.CRITICAL),
                recorded("accuracy", 0.84, 2, Severity.WARNING), recorded("psi_drift", 0.3, 1, Severity.CRITICAL)));
        series.add("sys-b", List.of(recorded("accuracy", 0.5, 1, Severity.CRITICAL)));

        MetricSeries.Window window = series.after("sys-a", "accuracy", NOW.minusSeconds(2 * 86_400 + 1), 10);

        assertThat(window.complete()).isTrue();
        assertThat(window.points()).extracting(MetricPoint::value).containsExactly(0.84, 0.78);
        assertThat(window.points().get(1)).isEqualTo(new MetricPoint(NOW.minusSeconds(86_400), 0.78, Severity.CRITICAL, "test"));
        MetricSeries.Window newest = series.after("sys-a", "accuracy", NOW.minusSeconds(30 * 86_400), 2);
        assertThat(newest.complete()).isFalse();
        assertThat(newest.points()).extracting(MetricPoint::value).containsExactly(0.84, 0.78);
    }

    @Test
    void theLatestPointOfEachMetricWithItsCategory() {
        series.add("sys-a", List.of(recorded("accuracy", 0.9, 3, Severity.OK), recorded("accuracy", 0.78, 1, Severity.CRITICAL),
                recorded("psi_drift", 0.05, 2, Severity.OK)));

        List<MetricSeries.Latest> latest = series.latest("sys-a");

        assertThat(latest).extracting(MetricSeries.Latest::metric).containsExactly("accuracy", "psi_drift");
        assertThat(latest.get(0).point().value()).isEqualTo(0.78);
        assertThat(latest.get(1).category()).isEqualTo("drift");
        assertThat(series.category("sys-a", "psi_drift")).contains(SignalCategory.DRIFT);
        assertThat(series.category("sys-a", "volume_ratio")).isEmpty();
    }

    private static MetricSeries.Recorded recorded(String metric, double value, int daysAgo, Severity severity) {
        SignalCategory category = metric.equals("psi_drift") ? SignalCategory.DRIFT : SignalCategory.PERFORMANCE;
        return new MetricSeries.Recorded(new NewSignal(metric, category, BigDecimal.valueOf(value),
                NOW.minusSeconds(86_400L * daysAgo), null, null, Map.of(), "test", null), severity);
    }
}
