package io.aiactops.monitoring.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aiactops.monitoring.SignalCategory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitors' tables on H2, the zero-setup run's database (PostgreSQL is covered by
 * BuiltinMonitorIntegrationTest): state rows round-trip, buckets add up across runs, a window sums
 * its buckets, and a second transaction skips the rows a first one holds.
 */
class MonitorStatesTest {

    private static final DataSource H2 = new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:builtin-monitors;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
    private static final Instant HOUR = Instant.parse("2026-11-25T09:00:00Z");

    private final MonitorStates states = new MonitorStates(JdbcClient.create(H2), new JdbcTemplate(H2),
            new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    private final Monitor monitor = new Monitor("psi_drift", SignalCategory.DRIFT, MonitorKind.PSI, Duration.ofHours(1),
            Duration.ofDays(1), 100, "/output/score", 10, new Monitor.ReferenceWindow(HOUR.minus(Duration.ofDays(8)),
                    HOUR.minus(Duration.ofDays(1)), null), null, null, null, null, null, null, null, null);

    @BeforeAll
    static void schema() {
        Flyway.configure().dataSource(H2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .table("aiact_schema_history").load().migrate();
    }

    @BeforeEach
    void oneMonitor() {
        JdbcClient plain = JdbcClient.create(H2);
        // The monitor's AI system belongs to the registry, which this test does not build.
        plain.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        plain.sql("DELETE FROM builtin_monitor_bucket").update();
        plain.sql("DELETE FROM builtin_monitor").update();
        states.insert(new MonitorStates.State("sys-a", 1, monitor, new FrozenReference(monitor.reference().from(),
                monitor.reference().to(), 3, new double[] {0.5}, new long[] {1, 2}, null), 41, HOUR, null));
    }

    @Test
    void aStateRowRoundTrips() {
        MonitorStates.State state = states.of("sys-a").get(0);
        assertThat(state.monitor()).isEqualTo(monitor);
        assertThat(state.reference().bins()).containsExactly(1, 2);
        assertThat(state.lastSeq()).isEqualTo(41);

        states.advance("sys-a", "psi_drift", 99, HOUR.plus(Duration.ofHours(1)), HOUR);
        assertThat(states.of("sys-a").get(0)).extracting(MonitorStates.State::lastSeq,
                MonitorStates.State::nextWindowEnd, MonitorStates.State::emittedThrough)
                .containsExactly(99L, HOUR.plus(Duration.ofHours(1)), HOUR);
        assertThat(states.systems()).containsExactly("sys-a");
    }

    @Test
    void bucketsAddUpAcrossRunsAndAWindowSumsThem() {
        states.add("sys-a", "psi_drift", Map.of(new MonitorStates.BucketId(HOUR, "bin:0"), new Evaluator.Sum(2, 0),
                new MonitorStates.BucketId(HOUR, "value"), new Evaluator.Sum(1, 0.5)));
        states.add("sys-a", "psi_drift", Map.of(new MonitorStates.BucketId(HOUR, "bin:0"), new Evaluator.Sum(3, 0),
                new MonitorStates.BucketId(HOUR.plus(Duration.ofHours(1)), "bin:0"), new Evaluator.Sum(4, 0),
                new MonitorStates.BucketId(HOUR.plus(Duration.ofHours(1)), "value"), new Evaluator.Sum(1, 0.25)));

        assertThat(states.sum("sys-a", "psi_drift", HOUR, HOUR.plus(Duration.ofHours(1))))
                .containsEntry("bin:0", new Evaluator.Sum(5, 0)).containsEntry("value", new Evaluator.Sum(1, 0.5));
        assertThat(states.sum("sys-a", "psi_drift", HOUR, HOUR.plus(Duration.ofHours(2))))
                .containsEntry("bin:0", new Evaluator.Sum(9, 0)).containsEntry("value", new Evaluator.Sum(2, 0.75));

        states.purge("sys-a", "psi_drift", HOUR.plus(Duration.ofHours(1)));
        assertThat(states.sum("sys-a", "psi_drift", HOUR, HOUR.plus(Duration.ofHours(2))))
                .containsEntry("bin:0", new Evaluator.Sum(4, 0));

        states.delete("sys-a", "psi_drift");
        assertThat(JdbcClient.create(H2).sql("SELECT count(*) FROM builtin_monitor_bucket").query(Long.class).single())
                .isZero();
    }

    @Test
    void aSecondRunSkipsTheRowsTheFirstHolds() {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(H2));
        transactions.executeWithoutResult(first -> {
            assertThat(states.lock("sys-a")).hasSize(1);
            AtomicReference<List<MonitorStates.State>> second = new AtomicReference<>();
            Thread node = new Thread(() -> second.set(transactions.execute(tx -> states.lock("sys-a"))));
            node.start();
            try {
                node.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(second.get()).isEmpty();
        });
        List<MonitorStates.State> afterCommit = transactions.execute(tx -> states.lock("sys-a"));
        assertThat(afterCommit).hasSize(1);
    }
}
