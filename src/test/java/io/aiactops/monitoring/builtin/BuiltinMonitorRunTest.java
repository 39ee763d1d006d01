package io.aiactops.monitoring.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.aiactops.logs.LogRegister;
import io.aiactops.monitoring.SignalIntake;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A failed run is counted, leaves the other systems running, and is run again at the next poll. */
class BuiltinMonitorRunTest {

    private final MonitorStates states = mock(MonitorStates.class);
    private final Registry registry = mock(Registry.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BuiltinMonitorRun run = new BuiltinMonitorRun(states, mock(LogRegister.class), registry,
            mock(SignalIntake.class), new BuiltinMonitorMetrics(meters),
            new BuiltinMonitorProperties(Duration.ofSeconds(30), Duration.ofHours(1), 5000, 200_000, 48, 100, 30, 0.0001),
            new TransactionTemplate(mock(PlatformTransactionManager.class)),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aSystemWhoseDatabaseIsDownIsCountedAndRetriedAndTheOthersStillRun() {
        when(states.systems()).thenReturn(List.of("down", "up"));
        when(registry.status("down")).thenReturn(Optional.of(SystemStatus.ACTIVE));
        when(registry.status("up")).thenReturn(Optional.of(SystemStatus.ACTIVE));
        when(states.lock("down")).thenThrow(new CannotGetJdbcConnectionException("connection refused"));
        when(states.lock("up")).thenReturn(List.of());

        run.runAll();
        run.runAll();

        assertThat(meters.counter(BuiltinMonitorMetrics.RUN_FAILURES, "system", "down").count()).isEqualTo(2);
        verify(states, times(2)).lock("down");
        verify(states, times(2)).lock("up");
    }

    @Test
    void listingTheSystemsFailingIsCountedToo() {
        when(states.systems()).thenThrow(new CannotGetJdbcConnectionException("connection refused"));

        run.runAll();

        assertThat(meters.counter(BuiltinMonitorMetrics.RUN_FAILURES, "system", "*").count()).isEqualTo(1);
    }
}
