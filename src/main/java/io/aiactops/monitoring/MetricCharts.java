package io.aiactops.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A metric's recorded values over a window ending now, with the bounds of the current thresholds
 * table: as data ({@link Series}) or as a chart. Each is a few indexed reads (the system, the metric's
 * points and its latest category, the latest table's id); the log register is not read.
 */
@Service
public class MetricCharts {

    public static final String DEFAULT_WINDOW = "P30D";
    /** As long as Camunda keeps a finished review (P400D): a chart can reach back to any review still held. */
    static final Duration MAX_WINDOW = Duration.ofDays(400);

    private final MetricSeries series;
    private final Thresholds thresholds;
    private final Registry registry;
    private final Clock clock;

    MetricCharts(MetricSeries series, Thresholds thresholds, Registry registry, Clock clock) {
        this.series = series;
        this.thresholds = thresholds;
        this.registry = registry;
        this.clock = clock;
    }

    /** A metric's points in the window (oldest first; {@code complete} false when older ones were left out). */
    public record Series(String aiSystemId, String metric, String window, Instant from, Instant to,
            ThresholdLines thresholds, List<MetricPoint> points, boolean complete) {
    }

    /** Refuses an unknown system (404), a metric that is not a metric name or a bad window (400). */
    @Transactional(readOnly = true)
    public Series series(String systemId, String metric, String window) {
        if (registry.status(systemId).isEmpty()) {
            throw new NotFoundException("AI system", systemId);
        }
        if (metric == null || !metric.matches(SignalParser.METRIC_PATTERN)) {
            throw new InvalidFieldException("metric", "must be a metric name: lower-case letters, digits and underscores, "
                    + "e.g. psi_drift");
        }
        String windowText = window == null || window.isBlank() ? DEFAULT_WINDOW : window.trim();
        Duration length = window(windowText);
        Instant to = clock.instant();
        Instant from = to.minus(length);
        MetricSeries.Window points = series.after(systemId, metric, from, MetricSeries.MAX_POINTS);
        Instant last = points.points().isEmpty() ? to : points.points().get(points.points().size() - 1).observedAt();
        // A platform's clock a little ahead still shows its latest value.
        Instant end = last.isAfter(to) ? last : to;
        ThresholdLines lines = thresholds.lines(systemId, metric, series.category(systemId, metric).orElse(null));
        return new Series(systemId, metric, windowText, from, end, lines, points.points(), points.complete());
    }

    /** The chart of {@link #series}, as SVG. */
    @Transactional(readOnly = true)
    public String chart(String systemId, String metric, String window) {
        Series s = series(systemId, metric, window);
        return MetricChart.svg(metric, Duration.parse(s.window()), s.from(), s.to(), s.points(), s.thresholds(),
                s.complete());
    }

    static Duration window(String text) {
        Duration length;
        try {
            length = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("window", "must be an ISO-8601 duration, e.g. P30D, PT12H or PT30M, not '"
                    + abbreviate(text) + "'");
        }
        if (length.isNegative() || length.isZero()) {
            throw new InvalidFieldException("window", "must be longer than zero, e.g. P30D");
        }
        if (length.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidFieldException("window", "must be at most P400D (400 days)");
        }
        return length;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
