package io.aiactops.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.aiactops.logs.EvidenceHolds;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.AiSystemDetails;
import io.aiactops.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the metric series ({@code metric_point}) as long as the register keeps the signals they copy:
 * each system's own retention, never less than the legal minimum, nothing while an evidence hold is
 * on. It runs at the register's retention time; a chart then shows what the register still proves.
 */
@Component
class MetricPointRetention {

    private static final Logger log = LoggerFactory.getLogger(MetricPointRetention.class);

    private final JdbcClient jdbc;
    private final Registry registry;
    private final EvidenceHolds holds;
    private final Clock clock;

    MetricPointRetention(JdbcClient jdbc, Registry registry, EvidenceHolds holds, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.holds = holds;
        this.clock = clock;
    }

    @Scheduled(cron = "${aiact.logs.retention-cron:0 30 2 * * *}")
    public void purgeAll() {
        purgeAll(clock.instant());
    }

    /** Deletes, per system not under a hold, the points older than its retention; returns how many went. */
    long purgeAll(Instant now) {
        long purged = 0;
        for (AiSystem system : registry.list()) {
            if (!holds.active(system.id()).isEmpty()) {
                continue;
            }
            int days = Math.max(system.logRetentionDays(), AiSystemDetails.MINIMUM_LOG_RETENTION_DAYS);
            int deleted = jdbc.sql("DELETE FROM metric_point WHERE system_id = ? AND observed_at < ?")
                    .param(system.id()).param(JdbcTime.utc(now.minus(Duration.ofDays(days))))
                    .update();
            if (deleted > 0) {
                log.info("Metric series retention: deleted {} point(s) of {} older than {} days", deleted, system.id(), days);
            }
            purged += deleted;
        }
        return purged;
    }
}
