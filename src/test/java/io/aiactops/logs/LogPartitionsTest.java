package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which stretch of time the partitions cover without a gap, around now: what the append path checks. */
class LogPartitionsTest {

    private static final Instant UPGRADE = Instant.parse("2026-12-05T08:09:31Z");
    private static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2027-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant MAY = Instant.parse("2027-05-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2027-06-01T00:00:00Z");

    private static final List<LogEventStore.Partition> UPGRADED = List.of(
            new LogEventStore.Partition("log_event_2027_01", JAN, FEB),
            new LogEventStore.Partition("log_event_legacy", Instant.MIN, UPGRADE),
            new LogEventStore.Partition("log_event_2027_02", FEB, MAR),
            new LogEventStore.Partition("log_event_2026_12", UPGRADE, JAN),
            new LogEventStore.Partition("log_event_2027_05", MAY, JUN));

    @Test
    void theContiguousPartitionsAroundNowInAnyOrder() {
        assertThat(LogPartitions.covered(UPGRADED, Instant.parse("2026-12-20T00:00:00Z")))
                .containsExactly(Instant.MIN, MAR);
        assertThat(LogPartitions.covered(UPGRADED, Instant.parse("2026-01-20T00:00:00Z")))
                .as("a clock behind the upgrade: the legacy partition").containsExactly(Instant.MIN, MAR);
        assertThat(LogPartitions.covered(UPGRADED, Instant.parse("2027-05-10T00:00:00Z")))
                .as("after a gap").containsExactly(MAY, JUN);
        assertThat(LogPartitions.covered(UPGRADED, JAN)).as("a partition's start is in it").containsExactly(Instant.MIN, MAR);
    }

    @Test
    void nothingWhereNoPartitionIs() {
        Instant april = Instant.parse("2027-04-10T00:00:00Z");
        assertThat(LogPartitions.covered(UPGRADED, april)).containsExactly(april, april);
        assertThat(LogPartitions.covered(UPGRADED, MAR)).as("a partition's end is not in it").containsExactly(MAR, MAR);
        assertThat(LogPartitions.covered(List.of(), april)).containsExactly(april, april);
    }
}
