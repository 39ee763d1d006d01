package io.aiactops.monitoring.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.oversight.OversightReviewProcess;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.Await;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A psi monitor on a system whose scores drifted in the last week: one closed window, one signal,
 * one review; a rerun and a second node on the same database emit nothing new, even when the
 * monitor's position is set back so that they evaluate the same window again.
 */
@IntegrationTest
class BuiltinMonitorIntegrationTest {

    private static final String METRIC = "psi_drift";

    @LocalServerPort
    int port;
    @Autowired
    BuiltinMonitorRun run;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HistoryService historyService;
    @Autowired
    Environment environment;

    Api api;
    String systemId;
    Map<String, Object> plan;

    @BeforeEach
    void aSystemWithTwoWeeksOfInferencesTheLastOneDrifted() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "drift");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> events = new ArrayList<>();
        // The reference fortnight: scores spread evenly over [0, 1).
        for (int i = 0; i < 200; i++) {
            events.add(inference(now.minus(Duration.ofDays(14)).plus(Duration.ofMinutes(40L * i)), i % 100 / 100.0));
        }
        // The drifted week, up to about 11 hours ago: scores crowd into [0.7, 1).
        for (int i = 0; i < 200; i++) {
            events.add(inference(now.minus(Duration.ofDays(6)).plus(Duration.ofMinutes(40L * i)), 0.7 + i % 30 / 100.0));
        }
        events.add(Map.of("type", "inference", "occurredAt", now.minus(Duration.ofDays(3)).toString(),
                "payload", Map.of("inputRef", "req-without-score", "output", Map.of("decision", "refer"))));
        Api.Response appended = api.as("ingest").send("POST", "/api/systems/" + systemId + "/logs", "application/json",
                Api.json(events));
        assertThat(appended.status()).as(appended.body()).isEqualTo(201);

        plan = new HashMap<>(Map.of(
                "metrics", List.of(Map.of("name", METRIC, "category", "drift", "source", "built-in monitor")),
                "monitors", List.of(Map.of("kind", "psi", "field", "/output/score", "cadence", "PT1H",
                        "window", "P7D", "reference", Map.of("from", now.minus(Duration.ofDays(15)).toString(),
                                "to", now.minus(Duration.ofDays(7)).toString()))),
                "thresholdsReference", "DMN monitoring-thresholds", "reviewCadence", "P1M",
                "owners", List.of("process-owners"), "deployerFeedbackChannel", "mailto:feedback@provider.example"));
        Api.Response stored = putPlan();
        assertThat(stored.json().at("/monitors/0/bins").asInt()).isEqualTo(10);
    }

    @Test
    void aDriftedWeekOpensOneReviewAndNeitherARerunNorASecondNodeEmitsAgain() throws Exception {
        assertThat(run.run(systemId)).isEqualTo(1);
        assertThat(signals()).isEqualTo(1);
        assertThat(reviews()).isEqualTo(1);
        JsonNode signal = new ObjectMapper().readTree(jdbc.sql("""
                SELECT CAST(payload AS VARCHAR) FROM log_event WHERE system_id = ? AND type = 'monitoring_signal'""")
                .param(systemId).query(String.class).single());
        assertThat(signal.get("source").asText()).isEqualTo("builtin");
        assertThat(signal.get("signalId").asText()).startsWith("builtin:" + systemId + ":" + METRIC + ":");
        assertThat(signal.at("/labels/events").asText()).isEqualTo("201");
        assertThat(signal.at("/labels/missing").asText()).isEqualTo("1");
        assertThat(signal.get("value").asDouble()).isGreaterThan(0.25);
        assertThat(breaches()).isEqualTo(1);

        assertThat(run.run(systemId)).isZero();
        assertThat(signals()).isEqualTo(1);
        // The signal is the chain's newest event, no inference: the run still moved the position past it.
        assertThat(jdbc.sql("""
                SELECT m.last_seq = h.last_seq FROM builtin_monitor m JOIN log_chain_head h ON h.system_id = m.system_id
                WHERE m.system_id = ? AND m.metric = ?""").params(systemId, METRIC).query(Boolean.class).single()).isTrue();

        String emittedThrough = emittedThrough();
        setTheMonitorBackOneWindow();
        // A second node: its own process, as in production (a second engine in this JVM would take the
        // webapps' engine registration with it when it stops). Its poll finds the window due again.
        try (AppProcess secondNode = ProductionApp.start(environment.getProperty("spring.datasource.url"),
                "--aiact.monitoring.builtin.poll-interval=PT1S")) {
            Await.until("the second node's run of the window", Duration.ofSeconds(60),
                    () -> emittedThrough.equals(emittedThrough()));
        }
        // The second node did evaluate the window again: the intake took its signal for a duplicate.
        assertThat(emittedThrough()).isEqualTo(emittedThrough);
        assertThat(signals()).isEqualTo(1);
        assertThat(breaches()).isEqualTo(1);
        assertThat(reviews()).isEqualTo(1);

        // A new plan version with the monitor unchanged keeps its position: nothing is emitted again.
        plan.put("changeNote", "Review cadence unchanged, owners confirmed");
        putPlan();
        assertThat(emittedThrough()).isEqualTo(emittedThrough);
        assertThat(run.run(systemId)).isZero();
        assertThat(signals()).isEqualTo(1);
    }

    @Test
    void aChangedMonitorDeclaredAgainNeverSignalsAWindowTwiceHoweverOld() {
        plan.put("monitors", List.of(dailyMonitor(10)));
        plan.put("changeNote", "Daily drift windows with ten days of history");
        putPlan();
        run.run(systemId);
        long first = signals();
        assertThat(first).as("daily windows over the last ten days").isGreaterThan(3);
        assertThat(oldestSignalled()).as("some older than the register's 7-day idempotency window")
                .isBefore(Instant.now().minus(Duration.ofDays(8)));

        Instant lastSignalled = jdbc.sql("SELECT MAX(observed_at) FROM metric_point WHERE system_id = ? AND metric = ?")
                .params(systemId, METRIC).query(java.sql.Timestamp.class).single().toInstant();

        // Changed (5 bins instead of 10) with the same backfill: it continues after the windows signalled. It
        // does not count on the register to drop the repeats: that catches an id recorded within its
        // idempotency window (7 days) only, so a monitor changed a week later would store the old windows twice.
        plan.put("monitors", List.of(dailyMonitor(5)));
        plan.put("changeNote", "Five bins: the daily windows hold few inferences");
        putPlan();
        assertThat(jdbc.sql("SELECT next_window_end FROM builtin_monitor WHERE system_id = ? AND metric = ?")
                .params(systemId, METRIC).query(java.sql.Timestamp.class).single().toInstant())
                .isEqualTo(lastSignalled.plus(Duration.ofDays(1)));
        run.run(systemId);

        assertThat(signals()).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM metric_point WHERE system_id = ? AND metric = ?")
                .params(systemId, METRIC).query(Long.class).single()).isEqualTo(first);
    }

    private Map<String, Object> dailyMonitor(int bins) {
        Map<String, Object> monitor = new HashMap<>(((List<Map<String, Object>>) plan.get("monitors")).get(0));
        monitor.putAll(Map.of("cadence", "P1D", "window", "P1D", "backfill", "P10D", "bins", bins, "minCount", 10));
        return monitor;
    }

    private Instant oldestSignalled() {
        return jdbc.sql("SELECT MIN(observed_at) FROM metric_point WHERE system_id = ? AND metric = ?")
                .params(systemId, METRIC).query(java.sql.Timestamp.class).single().toInstant();
    }

    private Api.Response putPlan() {
        Api.Response stored = api.as("process-owner").send("PUT", "/api/systems/" + systemId + "/monitoring-plan",
                "application/json", Api.json(plan));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        return stored;
    }

    /** As if the run's commit had been lost after the signal's: the same window is due again. */
    private void setTheMonitorBackOneWindow() {
        assertThat(jdbc.sql("""
                UPDATE builtin_monitor SET next_window_end = emitted_through, emitted_through = NULL
                WHERE system_id = ? AND metric = ?""").params(systemId, METRIC).update()).isEqualTo(1);
    }

    /** Where the monitor's emitted windows end; null while a window is due again. */
    private String emittedThrough() {
        return jdbc.sql("SELECT CAST(emitted_through AS VARCHAR) FROM builtin_monitor WHERE system_id = ? AND metric = ?")
                .params(systemId, METRIC).query(String.class).list().get(0);
    }

    private long signals() {
        return jdbc.sql("SELECT count(*) FROM log_event WHERE system_id = ? AND type = 'monitoring_signal'")
                .param(systemId).query(Long.class).single();
    }

    private long breaches() {
        return jdbc.sql("SELECT count(*) FROM log_event WHERE system_id = ? AND type = 'threshold_breach'")
                .param(systemId).query(Long.class).single();
    }

    private long reviews() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(OversightReviewProcess.KEY)
                .processInstanceBusinessKey(OversightReviewProcess.businessKey(systemId, METRIC)).count();
    }

    private static Map<String, Object> inference(Instant at, double score) {
        return Map.of("type", "inference", "occurredAt", at.toString(), "payload",
                Map.of("inputRef", "req-" + at.toEpochMilli(), "output", Map.of("score", score)));
    }
}
