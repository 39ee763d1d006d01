package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.aiactops.support.Api;
import io.aiactops.support.BenchmarkApp;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test: {@code ./mvnw -Pbenchmark verify -Dit.test=ChartBenchmark} (docs/benchmarks.md).
 * Chart and series latency through /api on PostgreSQL, with {@code metric_point} seeded as a signal a
 * minute for 30 days on each of many systems: the chart's reads are index ranges of its own metric,
 * whatever the size of the table or of the log register, which a chart never reads.
 */
class ChartBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkApp.RESULTS);

    private static final int SYSTEMS = Integer.getInteger("benchmark.systems", 50);
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 1_000);
    /** A signal a minute for 30 days. */
    private static final int POINTS_PER_SYSTEM = 30 * 24 * 60;

    @Test
    void chartAndSeriesLatency() throws Exception {
        try (BenchmarkApp app = BenchmarkApp.start("aiactops_bench_charts")) {
            Api api = app.api();
            List<String> systems = new ArrayList<>();
            for (int i = 0; i < SYSTEMS; i++) {
                String id = TestSystems.uniqueId("chart-bench");
                Api.Response created = api.post("/api/systems", TestSystems.registration(id));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                systems.add(id);
            }
            long seeding = System.nanoTime();
            seed(app.databaseUrl(), systems);
            double seedSeconds = (System.nanoTime() - seeding) / 1e9;
            String system = systems.get(SYSTEMS / 2);

            String chart30 = "/api/systems/" + system + "/metrics/psi_drift/chart.svg?window=P30D";
            String chart1 = "/api/systems/" + system + "/metrics/psi_drift/chart.svg?window=P1D";
            String series30 = "/api/systems/" + system + "/metrics/psi_drift/series?window=P30D";
            measure(api, chart30, 100);
            measure(api, series30, 100);
            List<Double> c30 = measure(api, chart30, REQUESTS);
            List<Double> c1 = measure(api, chart1, REQUESTS);
            List<Double> s30 = measure(api, series30, REQUESTS);
            int svgBytes = api.get(chart30).body().length();

            log.info(String.format(Locale.ROOT, """

                    === Chart benchmark (PostgreSQL %s, %d systems x %,d points = %,d rows in metric_point, seeded in %.1f s) ===
                    %,d sequential requests each, one client, HTTP Basic (credential cache on):
                    chart.svg, P30D (newest 10,000 of 43,200 points, %,d bytes):  p50 %.1f ms, p99 %.1f ms, max %.1f ms  (target p99 < 100 ms)
                    chart.svg, P1D  (1,440 points)                    :  p50 %.1f ms, p99 %.1f ms, max %.1f ms
                    series,    P30D (newest 10,000 points as JSON)    :  p50 %.1f ms, p99 %.1f ms, max %.1f ms""",
                    app.databaseUrl(), SYSTEMS, POINTS_PER_SYSTEM, (long) SYSTEMS * POINTS_PER_SYSTEM, seedSeconds, REQUESTS,
                    svgBytes, percentile(c30, 50), percentile(c30, 99), c30.get(c30.size() - 1),
                    percentile(c1, 50), percentile(c1, 99), c1.get(c1.size() - 1),
                    percentile(s30, 50), percentile(s30, 99), s30.get(s30.size() - 1)));
        }
    }

    /** A signal a minute for 30 days per system, drifting up each day, breaching as the shipped table says. */
    private static void seed(String databaseUrl, List<String> systems) throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO metric_point (system_id, metric, category, observed_at, metric_value, severity, source, signal_id)
                        SELECT ?, 'psi_drift', 'drift', now() - i * interval '1 minute', v,
                               CASE WHEN v > 0.25 THEN 'critical' WHEN v > 0.10 THEN 'warning' ELSE 'ok' END, 'bench', 'b-' || i
                        FROM (SELECT i, 0.02 + 0.28 * (i % 1440) / 1440.0 AS v FROM generate_series(0, ? - 1) AS i) s""")) {
            for (String system : systems) {
                insert.setString(1, system);
                insert.setInt(2, POINTS_PER_SYSTEM);
                insert.executeUpdate();
            }
            try (Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE metric_point");
            }
        }
    }

    private static List<Double> measure(Api api, String path, int requests) {
        List<Double> latencies = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            Api.Response response = api.get(path);
            latencies.add((System.nanoTime() - start) / 1e6);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        Collections.sort(latencies);
        return latencies;
    }

    private static double percentile(List<Double> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
