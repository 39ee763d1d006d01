package io.aiactops.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.aiactops.platform.jdbc.JdbcTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Incident gauges (docs/operations.md#health-and-metrics): open cases, and per AI system the hours
 * left until the nearest adjusted deadline of a first report not yet sent (negative once missed); per regime
 * beside Art. 73 and stage, the hours left until the nearest due date of a stage not submitted yet.
 * Which systems have a pending deadline is read every minute; the hours are computed at each scrape.
 */
@Component
class IncidentMetrics implements MeterBinder {

    static final String OPEN = "aiact.incidents.open";
    static final String HOURS_LEFT = "aiact.incidents.deadline.hours.left";
    static final String STAGE_HOURS_LEFT = "aiact.incident.stage.hours.left";

    private final JdbcClient jdbc;
    private final RegimeReporting regimes;
    private final Clock clock;
    private MultiGauge hoursLeft;
    private MultiGauge stageHoursLeft;

    IncidentMetrics(JdbcClient jdbc, RegimeReporting regimes, Clock clock) {
        this.jdbc = jdbc;
        this.regimes = regimes;
        this.clock = clock;
    }

    private record Pending(String systemId, Instant deadline) {
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder(OPEN, jdbc, db -> db.sql("SELECT COUNT(*) FROM incident_case WHERE status = 'OPEN'")
                        .query(Long.class).single())
                .description("Open serious-incident cases").strongReference(true).register(meters);
        hoursLeft = MultiGauge.builder(HOURS_LEFT)
                .description("Hours until the nearest adjusted Art. 73 deadline of a report not yet sent, per AI system")
                .register(meters);
        stageHoursLeft = MultiGauge.builder(STAGE_HOURS_LEFT)
                .description("Hours until the nearest due date of a GDPR, NIS2, DORA or MDR stage not submitted yet, "
                        + "of any open case, per regime and stage")
                .register(meters);
        refresh();
    }

    @Scheduled(fixedDelayString = "${aiact.incidents.metrics-refresh:PT1M}", initialDelayString = "${aiact.incidents.metrics-refresh:PT1M}")
    void refresh() {
        if (hoursLeft == null) {
            return;
        }
        List<Pending> pending = jdbc.sql("""
                SELECT c.system_id, MIN(d.adjusted_ends_at) AS deadline FROM incident_case c
                JOIN incident_deadline d ON d.case_id = c.id
                WHERE c.status = 'OPEN' AND NOT EXISTS (
                    SELECT 1 FROM incident_report r WHERE r.case_id = c.id AND r.sent_at IS NOT NULL)
                GROUP BY c.system_id""")
                .query((rs, n) -> new Pending(rs.getString("system_id"), JdbcTime.instant(rs, "deadline"))).list();
        hoursLeft.register(pending.stream().map(p -> MultiGauge.Row.of(Tags.of("system", p.systemId()),
                () -> hoursUntil(p.deadline()))).toList(), true);
        stageHoursLeft.register(regimes.nearestPendingStages().entrySet().stream().map(e -> MultiGauge.Row.of(
                Tags.of("regime", e.getKey().regime().wireName(), "stage", e.getKey().wireName()),
                () -> hoursUntil(e.getValue()))).toList(), true);
    }

    private double hoursUntil(Instant deadline) {
        return Duration.between(clock.instant(), deadline).toSeconds() / 3600.0;
    }
}
