package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.aiactops.oversight.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The chart as an SVG document: its points, its threshold lines, its labels and its escaping. */
class MetricChartTest {

    private static final Instant TO = Instant.parse("2026-12-06T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Instant FROM = TO.minus(WINDOW);
    private static final ThresholdLines DRIFT = new ThresholdLines(new ThresholdLines.Bounds(null, 0.10),
            new ThresholdLines.Bounds(null, 0.25));

    @Test
    void drawsOneDotPerPointOnTheLineColouredBySeverity() {
        List<MetricPoint> points = List.of(point(20, 0.05, Severity.OK), point(10, 0.15, Severity.WARNING),
                point(1, 0.31, Severity.CRITICAL));

        Document chart = parse(MetricChart.svg("psi_drift", WINDOW, FROM, TO, points, DRIFT));

        NodeList dots = chart.getElementsByTagName("circle");
        assertThat(dots.getLength()).isEqualTo(3);
        assertThat(((Element) dots.item(0)).getAttribute("class")).isEqualTo("point ok");
        assertThat(((Element) dots.item(2)).getAttribute("class")).isEqualTo("point critical");
        Element line = (Element) chart.getElementsByTagName("polyline").item(0);
        assertThat(line.getAttribute("points").split(" ")).hasSize(3);
        // Later is further right, higher is further up.
        assertThat(x(dots.item(0))).isLessThan(x(dots.item(1)));
        assertThat(y(dots.item(2))).isLessThan(y(dots.item(0)));
        assertThat(chart.getDocumentElement().getAttribute("width")).isEqualTo("720");
        assertThat(chart.getDocumentElement().getAttribute("height")).isEqualTo("240");
    }

    @Test
    void drawsTheWarningAndCriticalLinesAtTheirValues() {
        Document chart = parse(MetricChart.svg("psi_drift", WINDOW, FROM, TO,
                List.of(point(5, 0.10, Severity.OK), point(4, 0.25, Severity.WARNING)), DRIFT));

        Element warning = threshold(chart, "threshold warning upper");
        Element critical = threshold(chart, "threshold critical upper");
        assertThat(Double.parseDouble(critical.getAttribute("y1"))).isLessThan(Double.parseDouble(warning.getAttribute("y1")));
        // A point at exactly the bound sits on its line.
        assertThat(y(chart.getElementsByTagName("circle").item(0))).isEqualTo(Double.parseDouble(warning.getAttribute("y1")));
        assertThat(y(chart.getElementsByTagName("circle").item(1))).isEqualTo(Double.parseDouble(critical.getAttribute("y1")));
        assertThat(text(chart)).contains("warning > 0.1", "critical > 0.25");
    }

    @Test
    void drawsBoundsOnBothSidesAndNoneWhereTheTableSetsNone() {
        ThresholdLines parity = new ThresholdLines(new ThresholdLines.Bounds(-0.05, 0.05), new ThresholdLines.Bounds(-0.10, 0.10));

        Document both = parse(MetricChart.svg("demographic_parity_diff", WINDOW, FROM, TO, List.of(point(3, 0.0, Severity.OK)),
                parity));
        Document none = parse(MetricChart.svg("latency_p99", WINDOW, FROM, TO, List.of(point(3, 120, Severity.OK)),
                ThresholdLines.NONE));

        assertThat(classes(both, "line")).contains("threshold warning lower", "threshold warning upper",
                "threshold critical lower", "threshold critical upper");
        assertThat(classes(none, "line")).noneMatch(c -> c.startsWith("threshold"));
    }

    @Test
    void labelsBothAxesAndTheMetric() {
        String text = text(parse(MetricChart.svg("psi_drift", WINDOW, FROM, TO, List.of(point(2, 0.2, Severity.WARNING)), DRIFT)));

        assertThat(text).contains("psi_drift, last 30 days", "time (UTC)", "psi_drift (value)", "11-07", "12-02", "0.25");
    }

    @Test
    void saysSoWhenThereIsNoPointYetAndStillDrawsTheThresholds() {
        Document chart = parse(MetricChart.svg("psi_drift", WINDOW, FROM, TO, List.of(), DRIFT));

        assertThat(chart.getElementsByTagName("circle").getLength()).isZero();
        assertThat(chart.getElementsByTagName("polyline").getLength()).isZero();
        assertThat(text(chart)).contains("No signals in the last 30 days");
        assertThat(classes(chart, "line")).contains("threshold warning upper", "threshold critical upper");
    }

    @Test
    void escapesTextSoThatItStaysText() {
        String hostile = "x\"/><script>alert(1)</script><text a='&";

        String svg = MetricChart.svg(hostile, WINDOW, FROM, TO, List.of(point(1, 1, Severity.OK)), ThresholdLines.NONE);

        Document chart = parse(svg);
        assertThat(chart.getElementsByTagName("script").getLength()).isZero();
        assertThat(chart.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(hostile + ", last 30 days");
        assertThat(MetricChart.escape("a<b>&\"c'\u0001")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
    }

    @Test
    void aFlatSeriesStillHasARangeAndManyPointsShowOnlyTheirBreachesAsMarks() {
        List<MetricPoint> many = new ArrayList<>();
        for (int i = 0; i < MetricChart.MAX_DOTS + 100; i++) {
            many.add(new MetricPoint(FROM.plusSeconds(3600L * i), 0.5, i == 7 ? Severity.CRITICAL : Severity.OK, "builtin"));
        }

        Document chart = parse(MetricChart.svg("mean_confidence", WINDOW, FROM, TO, many, ThresholdLines.NONE));

        assertThat(chart.getElementsByTagName("circle").getLength()).isZero();
        assertThat(((Element) chart.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" "))
                .hasSize(many.size());
        assertThat(classes(chart, "path")).containsExactly("points critical");
        String mark = ((Element) chart.getElementsByTagName("path").item(0)).getAttribute("d");
        assertThat(mark).matches("M[0-9.]+,[0-9.]+h0");
        assertThat(Double.parseDouble(mark.substring(mark.indexOf(',') + 1, mark.length() - 2))).isBetween(30.0, 196.0);
    }

    @Test
    void aDenseSeriesKeepsItsPeaksAndBreachesAndStaysSmall() {
        // A signal a minute for 30 days: 43,200 points, one spike, one critical point that is not an extreme.
        List<MetricPoint> dense = new ArrayList<>();
        for (int i = 0; i < 43_200; i++) {
            double value = i == 20_000 ? 0.9 : 0.1 + 0.01 * (i % 7);
            Severity severity = i == 30_003 ? Severity.CRITICAL : Severity.OK;
            dense.add(new MetricPoint(FROM.plusSeconds(60L * i), value, severity, "builtin"));
        }

        List<MetricPoint> drawn = MetricChart.perPixel(dense, FROM, WINDOW.toMillis());
        String svg = MetricChart.svg("psi_drift", WINDOW, FROM, TO, dense, DRIFT);

        assertThat(drawn.size()).isLessThanOrEqualTo(3 * MetricChart.PLOT_WIDTH);
        assertThat(drawn).contains(dense.get(20_000), dense.get(30_003));
        assertThat(drawn).isSortedAccordingTo(Comparator.comparing(MetricPoint::observedAt));
        assertThat(svg.length()).isLessThan(60_000);
        assertThat(classes(parse(svg), "path")).containsExactly("points critical");
    }

    @Test
    void saysWhenOlderPointsWereLeftOut() {
        String svg = MetricChart.svg("psi_drift", WINDOW, FROM, TO, List.of(point(2, 0.2, Severity.WARNING)), DRIFT, false);

        assertThat(text(parse(svg))).contains("only the newest 1 points, from 12-04 00:00");
    }

    private static MetricPoint point(int daysAgo, double value, Severity severity) {
        return new MetricPoint(TO.minus(Duration.ofDays(daysAgo)), value, severity, "model-server");
    }

    private static Element threshold(Document chart, String cls) {
        NodeList lines = chart.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            if (((Element) lines.item(i)).getAttribute("class").equals(cls)) {
                return (Element) lines.item(i);
            }
        }
        throw new AssertionError("no line of class " + cls);
    }

    private static List<String> classes(Document chart, String tag) {
        NodeList nodes = chart.getElementsByTagName(tag);
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            classes.add(((Element) nodes.item(i)).getAttribute("class"));
        }
        return classes;
    }

    private static double x(Node dot) {
        return Double.parseDouble(((Element) dot).getAttribute("cx"));
    }

    private static double y(Node dot) {
        return Double.parseDouble(((Element) dot).getAttribute("cy"));
    }

    private static String text(Document chart) {
        return chart.getDocumentElement().getTextContent();
    }

    /** Parsing proves the output is well-formed XML, which an unescaped value would break. */
    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + svg, e);
        }
    }
}
