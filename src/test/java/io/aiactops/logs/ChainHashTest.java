package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The hand-written register timestamp is exactly what the documented pattern gives, and an event's
 * partial hash gives the same hash however often it is finished.
 */
class ChainHashTest {

    private static final DateTimeFormatter DOCUMENTED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-11-25T09:30:00.120000999Z", "2024-02-29T23:59:59.999999999Z",
            "0001-01-01T00:00:00.000001Z", "9999-12-31T23:59:59.999999Z"})
    void edges(String instant) {
        Instant at = Instant.parse(instant);
        assertThat(ChainHash.timestamp(at)).isEqualTo(DOCUMENTED.format(at.truncatedTo(ChronoUnit.MICROS)));
    }

    @Test
    void eventsOfOneSecondAndTheNext() {
        Instant start = Instant.parse("2026-11-25T09:30:59.000001Z");
        for (int i = 0; i < 3_000; i++) {
            Instant at = start.plusNanos(i * 777_777L);
            assertThat(ChainHash.timestamp(at)).isEqualTo(DOCUMENTED.format(at.truncatedTo(ChronoUnit.MICROS)));
        }
    }

    @Test
    void anyInstantOfTheRegistersRange() {
        SplittableRandom random = new SplittableRandom(42);
        long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(0, latest), random.nextInt(1_000_000_000));
            assertThat(ChainHash.timestamp(at)).isEqualTo(DOCUMENTED.format(at.truncatedTo(ChronoUnit.MICROS)));
        }
    }

    @Test
    void aPartialHashFinishedAgainForAnotherPlaceHashesThePrefixEachTime() {
        String head = ChainHash.head("actor", "id-1", "1.0.0", "2026-12-01T00:00:00.000000Z");
        byte[] payload = "{\"n\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ChainHash.Partial partial = new ChainHash.Partial(head, payload);
        String first = partial.finish("place 1");
        String second = partial.finish("place 2");

        assertThat(partial.finish("place 1")).isEqualTo(first);
        assertThat(second).isEqualTo(new ChainHash.Partial(head, payload).finish("place 2")).isNotEqualTo(first);
    }
}
