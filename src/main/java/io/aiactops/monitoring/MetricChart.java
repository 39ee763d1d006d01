package io.aiactops.monitoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aiactops.oversight.Severity;

/**
 * A metric's values over a time window as an SVG image of 720 × 240, for a light background: the
 * values as a line with a dot per point (coloured by the severity the thresholds table gave it; when
 * there are too many for dots, a mark for each breach only, and at most three points a pixel column), the
 * warning and critical bounds of the current table as dashed lines, and both axes labelled. Every text
 * from outside (metric name, numbers) is XML-escaped; the image holds no script and no external reference.
 */
final class MetricChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    /** Above this many points only the line and the breaching points are drawn: dots would merge anyway. */
    static final int MAX_DOTS = 400;

    private static final int LEFT = 64;
    private static final int RIGHT = 120;
    /** Pixel columns of the plot: beyond two points a column, {@link #perPixel} keeps its extremes. */
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int TOP = 30;
    private static final int BOTTOM = 44;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    private static final String INK = "#333333";
    private static final String GRID = "#e3e3e3";
    private static final String LINE = "#1f4e79";
    private static final String WARNING = "#b26a00";
    private static final String CRITICAL = "#b00020";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MetricChart() {
    }

    /** The chart of {@code points} (oldest first) between {@code from} and {@code to}. */
    static String svg(String metric, Duration window, Instant from, Instant to, List<MetricPoint> points,
            ThresholdLines lines) {
        return svg(metric, window, from, to, points, lines, true);
    }

    /** {@code complete} false: older points of the window were left out, which the chart says. */
    static String svg(String metric, Duration window, Instant from, Instant to, List<MetricPoint> points,
            ThresholdLines lines, boolean complete) {
        Scale y = Scale.of(points, lines);
        double span = Math.max(1, Duration.between(from, to).toMillis());
        StringBuilder svg = new StringBuilder(8192 + points.size() * 64);
        String title = metric + ", last " + describe(window);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
                .append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"18\" font-size=\"13\" font-weight=\"bold\" fill=\"")
                .append(INK).append("\">").append(escape(title)).append("</text>");

        // Value axis: grid lines with their values, and its label.
        for (double tick : y.ticks()) {
            double py = y.pixel(tick);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(n(py)).append("\" x2=\"").append(LEFT + PLOT_WIDTH)
                    .append("\" y2=\"").append(n(py)).append("\" stroke=\"").append(GRID).append("\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(n(py + 4))
                    .append("\" text-anchor=\"end\" fill=\"").append(INK).append("\">").append(escape(number(tick))).append("</text>");
        }
        svg.append("<text class=\"axis-label\" transform=\"translate(14,").append(TOP + PLOT_HEIGHT / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\" fill=\"").append(INK).append("\">")
                .append(escape(metric)).append(" (value)</text>");

        // Time axis: ticks at whole days (or hours for short windows), and its label.
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + PLOT_HEIGHT).append("\" x2=\"")
                .append(LEFT + PLOT_WIDTH).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\" stroke=\"").append(INK).append("\"/>")
                .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\" stroke=\"").append(INK).append("\"/>");
        for (Instant tick : timeTicks(from, to)) {
            double px = LEFT + PLOT_WIDTH * Duration.between(from, tick).toMillis() / span;
            svg.append("<line x1=\"").append(n(px)).append("\" y1=\"").append(TOP + PLOT_HEIGHT).append("\" x2=\"").append(n(px))
                    .append("\" y2=\"").append(TOP + PLOT_HEIGHT + 4).append("\" stroke=\"").append(INK).append("\"/>")
                    .append("<text x=\"").append(n(px)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 16)
                    .append("\" text-anchor=\"middle\" fill=\"").append(INK).append("\">")
                    .append(escape((window.compareTo(Duration.ofDays(3)) > 0 ? DAY : HOUR).format(tick))).append("</text>");
        }
        svg.append("<text class=\"axis-label\" x=\"").append(LEFT + PLOT_WIDTH / 2).append("\" y=\"").append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\" fill=\"").append(INK).append("\">time (UTC)</text>");

        if (!complete && !points.isEmpty()) {
            svg.append("<text class=\"incomplete\" x=\"").append(LEFT + 4).append("\" y=\"").append(TOP + 12)
                    .append("\" fill=\"").append(INK).append("\">only the newest ").append(String.format(Locale.ROOT, "%,d", points.size()))
                    .append(" points, from ").append(escape(HOUR.format(points.get(0).observedAt()))).append("</text>");
        }
        threshold(svg, y, "critical", "lower", lines.critical().lower(), CRITICAL);
        threshold(svg, y, "critical", "upper", lines.critical().upper(), CRITICAL);
        threshold(svg, y, "warning", "lower", lines.warning().lower(), WARNING);
        threshold(svg, y, "warning", "upper", lines.warning().upper(), WARNING);

        if (points.isEmpty()) {
            svg.append("<text class=\"no-data\" x=\"").append(LEFT + PLOT_WIDTH / 2).append("\" y=\"").append(TOP + PLOT_HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"").append(INK).append("\">No signals in the last ")
                    .append(escape(describe(window))).append("</text>");
        } else {
            List<MetricPoint> drawn = perPixel(points, from, span);
            svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(LINE).append("\" stroke-width=\"1.5\" points=\"");
            for (MetricPoint p : drawn) {
                svg.append(n(x(p, from, span))).append(',').append(n(y.pixel(p.value()))).append(' ');
            }
            svg.setLength(svg.length() - 1);
            svg.append("\"/>");
            if (drawn.size() <= MAX_DOTS) {
                for (MetricPoint p : drawn) {
                    svg.append("<circle class=\"point ").append(p.severity().wireName()).append("\" cx=\"")
                            .append(n(x(p, from, span))).append("\" cy=\"").append(n(y.pixel(p.value())))
                            .append("\" r=\"3\" fill=\"").append(colour(p.severity())).append("\"><title>")
                            .append(escape(p.observedAt() + ": " + number(p.value()) + " (" + p.severity().wireName() + ")"))
                            .append("</title></circle>");
                }
            } else {
                // Too many for a dot each: the breaches only, as round marks of one path per severity.
                marks(svg, drawn, Severity.WARNING, from, span, y);
                marks(svg, drawn, Severity.CRITICAL, from, span, y);
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void threshold(StringBuilder svg, Scale y, String severity, String side, Double at, String colour) {
        if (at == null) {
            return;
        }
        double py = y.pixel(at);
        svg.append("<line class=\"threshold ").append(severity).append(' ').append(side).append("\" x1=\"").append(LEFT)
                .append("\" y1=\"").append(n(py)).append("\" x2=\"").append(LEFT + PLOT_WIDTH).append("\" y2=\"").append(n(py))
                .append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>")
                .append("<text x=\"").append(LEFT + PLOT_WIDTH + 6).append("\" y=\"").append(n(py + 4)).append("\" fill=\"")
                .append(colour).append("\">").append(severity).append(side.equals("upper") ? " &gt; " : " &lt; ")
                .append(escape(number(at))).append("</text>");
    }

    private static void marks(StringBuilder svg, List<MetricPoint> points, Severity severity, Instant from, double span,
            Scale y) {
        StringBuilder d = new StringBuilder();
        for (MetricPoint p : points) {
            if (p.severity() == severity) {
                d.append('M').append(n(x(p, from, span))).append(',').append(n(y.pixel(p.value()))).append("h0");
            }
        }
        if (!d.isEmpty()) {
            svg.append("<path class=\"points ").append(severity.wireName()).append("\" d=\"").append(d)
                    .append("\" stroke=\"").append(colour(severity)).append("\" stroke-width=\"5\" stroke-linecap=\"round\"/>");
        }
    }

    /**
     * The points a chart can show: all of them up to two per pixel column, else per column the lowest,
     * the highest and the first of the column's worst severity, in time order. Peaks and breaches stay
     * visible; the image stays small whatever the number of points.
     */
    static List<MetricPoint> perPixel(List<MetricPoint> points, Instant from, double span) {
        if (points.size() <= 2 * PLOT_WIDTH) {
            return points;
        }
        List<MetricPoint> kept = new ArrayList<>(3 * PLOT_WIDTH);
        int column = -1;
        List<MetricPoint> inColumn = new ArrayList<>();
        for (MetricPoint p : points) {
            int c = (int) Math.floor(x(p, from, span) - LEFT);
            if (c != column && !inColumn.isEmpty()) {
                keepExtremes(inColumn, kept);
                inColumn.clear();
            }
            column = c;
            inColumn.add(p);
        }
        keepExtremes(inColumn, kept);
        return kept;
    }

    private static void keepExtremes(List<MetricPoint> column, List<MetricPoint> kept) {
        MetricPoint low = column.get(0);
        MetricPoint high = column.get(0);
        MetricPoint worst = column.get(0);
        for (MetricPoint p : column) {
            low = p.value() < low.value() ? p : low;
            high = p.value() > high.value() ? p : high;
            worst = p.severity().compareTo(worst.severity()) > 0 ? p : worst;
        }
        for (MetricPoint p : column) {
            if (p == low || p == high || p == worst) {
                kept.add(p);
            }
        }
    }

    private static double x(MetricPoint p, Instant from, double span) {
        double fraction = Duration.between(from, p.observedAt()).toMillis() / span;
        return LEFT + PLOT_WIDTH * Math.max(0, Math.min(1, fraction));
    }

    private static String colour(Severity severity) {
        return switch (severity) {
            case OK -> LINE;
            case WARNING -> WARNING;
            case CRITICAL -> CRITICAL;
        };
    }

    /** About six ticks at whole days, or whole hours for windows up to three days. */
    static List<Instant> timeTicks(Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        ChronoUnit unit = span.compareTo(Duration.ofDays(3)) > 0 ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        long units = Math.max(1, span.toMillis() / unit.getDuration().toMillis());
        long step = Math.max(1, (units + 5) / 6);
        List<Instant> ticks = new ArrayList<>();
        for (Instant t = from.truncatedTo(unit).plus(1, unit); !t.isAfter(to); t = t.plus(step, unit)) {
            ticks.add(t);
        }
        return ticks;
    }

    /** "30 days", "12 hours", or the ISO duration when it is neither. */
    static String describe(Duration window) {
        if (window.toSeconds() % 86_400 == 0) {
            long days = window.toDays();
            return days == 1 ? "day" : days + " days";
        }
        if (window.toSeconds() % 3_600 == 0) {
            long hours = window.toHours();
            return hours == 1 ? "hour" : hours + " hours";
        }
        return window.toString();
    }

    /** A value as people read it: at most four significant decimals, no exponent, no trailing zeros. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4));
        return rounded.stripTrailingZeros().toPlainString();
    }

    private static String n(double pixel) {
        return String.format(Locale.ROOT, "%.1f", pixel);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0 at all.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** The value axis: from the lowest to the highest of the points and the bounds, padded, with round ticks. */
    private record Scale(double min, double max, double step) {

        static Scale of(List<MetricPoint> points, ThresholdLines lines) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            List<Double> values = new ArrayList<>();
            points.forEach(p -> values.add(p.value()));
            for (Double bound : new Double[] {lines.warning().lower(), lines.warning().upper(), lines.critical().lower(),
                    lines.critical().upper()}) {
                if (bound != null) {
                    values.add(bound);
                }
            }
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (min > max) {
                min = 0;
                max = 1;
            }
            if (max - min < 1e-12) {
                double pad = Math.abs(max) < 1e-12 ? 1 : Math.abs(max) * 0.1;
                min -= pad;
                max += pad;
            }
            double step = niceStep((max - min) / 4);
            return new Scale(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
        }

        /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
        private static double niceStep(double rough) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double fraction = rough / magnitude;
            return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (int i = 0; min + i * step <= max + step / 1000; i++) {
                // Snapped to the step's precision so that 0.1 * 3 prints as 0.3.
                ticks.add(Math.round((min + i * step) / step) * step);
            }
            return ticks;
        }

        double pixel(double value) {
            double fraction = (value - min) / (max - min);
            return TOP + PLOT_HEIGHT * (1 - Math.max(0, Math.min(1, fraction)));
        }
    }
}
