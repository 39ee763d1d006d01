package io.aiactops.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.aiactops.oversight.Severity;
import io.aiactops.platform.jdbc.JdbcTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The values of every recorded monitoring signal ({@code metric_point}), written with the signal, so
 * that a chart reads one index range instead of the log register's partitions.
 */
@Repository
public class MetricSeries {

    /**
     * The most points one read returns, the newest kept: a signal every five minutes for 30 days. Reading
     * more costs more than a chart may take (docs/benchmarks.md#charts); a chart says when it left some out.
     */
    public static final int MAX_POINTS = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    MetricSeries(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** One signal newly recorded in the register, with its threshold check. */
    record Recorded(NewSignal signal, Severity severity) {
    }

    /** Adds the points in the caller's transaction: a signal counts in the chart exactly when it is in the register. */
    void add(String systemId, List<Recorded> recorded) {
        if (recorded.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO metric_point (system_id, metric, category, observed_at, metric_value, severity, source, signal_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", recorded, recorded.size(), (ps, r) -> {
            NewSignal signal = r.signal();
            ps.setString(1, systemId);
            ps.setString(2, signal.metric());
            ps.setString(3, signal.category().wireName());
            ps.setObject(4, JdbcTime.utc(signal.observedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setDouble(5, signal.value().doubleValue());
            ps.setString(6, r.severity().wireName());
            ps.setString(7, signal.source());
            ps.setString(8, signal.signalId());
        });
    }

    /** A window of one metric's series, oldest first; {@code complete} is false when older points were left out. */
    public record Window(List<MetricPoint> points, boolean complete) {
    }

    /** The points observed after {@code from}, at most {@code limit} of the newest. */
    public Window after(String systemId, String metric, Instant from, int limit) {
        List<MetricPoint> newestFirst = new ArrayList<>(jdbc.sql("""
                SELECT observed_at, metric_value, severity, source FROM metric_point
                WHERE system_id = ? AND metric = ? AND observed_at > ?
                ORDER BY observed_at DESC FETCH FIRST %d ROWS ONLY""".formatted(limit + 1))
                .params(systemId, metric, JdbcTime.utc(from))
                .query(MetricSeries::point).list());
        boolean complete = newestFirst.size() <= limit;
        if (!complete) {
            newestFirst.remove(newestFirst.size() - 1);
        }
        Collections.reverse(newestFirst);
        return new Window(newestFirst, complete);
    }

    /** A metric's most recent point with the category it was sent under. */
    public record Latest(String metric, String category, MetricPoint point) {
    }

    /**
     * The most recent point of each metric the system has sent, by metric name. The names are found by
     * skipping through the index, one seek per metric, so the cost does not grow with the points.
     */
    public List<Latest> latest(String systemId) {
        List<String> metrics = jdbc.sql("""
                WITH RECURSIVE names (metric) AS (
                    SELECT MIN(metric) FROM metric_point WHERE system_id = ?
                    UNION ALL
                    SELECT (SELECT MIN(p.metric) FROM metric_point p WHERE p.system_id = ? AND p.metric > names.metric)
                    FROM names WHERE names.metric IS NOT NULL)
                SELECT metric FROM names WHERE metric IS NOT NULL ORDER BY metric""")
                .params(systemId, systemId).query(String.class).list();
        List<Latest> latest = new ArrayList<>(metrics.size());
        for (String metric : metrics) {
            jdbc.sql("""
                    SELECT metric, category, observed_at, metric_value, severity, source FROM metric_point
                    WHERE system_id = ? AND metric = ? ORDER BY observed_at DESC FETCH FIRST 1 ROWS ONLY""")
                    .params(systemId, metric)
                    .query((rs, n) -> new Latest(rs.getString("metric"), rs.getString("category"), point(rs, n)))
                    .optional().ifPresent(latest::add);
        }
        return latest;
    }

    /** When the latest point of a metric from this source was observed, if it has one. */
    public Optional<Instant> lastObserved(String systemId, String metric, String source) {
        return jdbc.sql("""
                SELECT observed_at FROM metric_point WHERE system_id = ? AND metric = ? AND source = ?
                ORDER BY observed_at DESC FETCH FIRST 1 ROWS ONLY""")
                .params(systemId, metric, source).query((rs, n) -> JdbcTime.instant(rs, "observed_at")).optional();
    }

    /** The category the metric's latest point was sent under, if it has any point. */
    public Optional<SignalCategory> category(String systemId, String metric) {
        return jdbc.sql("""
                SELECT category FROM metric_point WHERE system_id = ? AND metric = ?
                ORDER BY observed_at DESC FETCH FIRST 1 ROWS ONLY""")
                .params(systemId, metric).query(String.class).optional().map(SignalCategory::fromWireName);
    }

    private static MetricPoint point(ResultSet rs, int row) throws SQLException {
        return new MetricPoint(JdbcTime.instant(rs, "observed_at"), rs.getDouble("metric_value"),
                Severity.fromWireName(rs.getString("severity")), rs.getString("source"));
    }
}
