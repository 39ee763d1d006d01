package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The metric series lives as long as the register keeps the signals: the system's retention, and a hold stops it. */
@IntegrationTest
class MetricPointRetentionIntegrationTest {

    private final Api api;
    private final JdbcClient jdbc;
    private final MetricPointRetention retention;

    MetricPointRetentionIntegrationTest(@LocalServerPort int port, @Autowired JdbcClient jdbc,
            @Autowired MetricPointRetention retention) {
        this.api = Api.anonymous(port);
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Test
    void pointsOlderThanTheSystemsRetentionGoUnlessAnEvidenceHoldIsOn() {
        // Given: two systems keeping their register 365 days, with points 400, 300 and 1 days old; one is held
        String kept = TestSystems.register(api, "points");
        String held = TestSystems.register(api, "points-held");
        // Whole seconds: PostgreSQL keeps microseconds, and a point a few nanoseconds younger is a day younger.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String systemId : List.of(kept, held)) {
            for (int daysAgo : List.of(400, 300, 1)) {
                point(systemId, now.minus(Duration.ofDays(daysAgo)));
            }
        }
        Api.Response hold = api.as("incident-manager").post("/api/systems/" + held + "/holds",
                Map.of("reason", "Serious incident under investigation", "reference", "INC-9"));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);

        // When: the nightly retention runs
        retention.purgeAll(now);

        // Then: only the point past 365 days went, and nothing of the held system
        assertThat(ages(kept, now)).containsExactly(300L, 1L);
        assertThat(ages(held, now)).containsExactly(400L, 300L, 1L);
    }

    private void point(String systemId, Instant observedAt) {
        jdbc.sql("""
                INSERT INTO metric_point (system_id, metric, category, observed_at, metric_value, severity, source, signal_id)
                VALUES (?, 'accuracy', 'performance', ?, 0.9, 'ok', 'test', NULL)""")
                .param(systemId).param(JdbcTime.utc(observedAt)).update();
    }

    /** The points' ages in whole days, oldest first. */
    private List<Long> ages(String systemId, Instant now) {
        return jdbc.sql("SELECT observed_at FROM metric_point WHERE system_id = ? ORDER BY observed_at")
                .param(systemId).query((rs, n) -> Duration.between(JdbcTime.instant(rs, "observed_at"), now).toDays()).list();
    }
}
