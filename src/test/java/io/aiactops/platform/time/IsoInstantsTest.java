package io.aiactops.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-read common shape gives exactly what the JDK's ISO_OFFSET_DATE_TIME parser gives. */
class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T09:30:00Z", "2026-11-25T09:30:00.1Z", "2026-11-25T09:30:00.123456789Z",
            "2026-11-25T09:30:00+02:00", "2026-11-25T09:30:00.5-05:30", "2024-02-29T23:59:59.999999Z",
            "1970-01-01T00:00:00+00:00", "2026-11-25T09:30+01:00", "2026-11-25T09:30:00.Z", "+12026-11-25T09:30:00Z"})
    void readsLikeTheJdk(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(jdk(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T09:30:00Z", "2026-11-25T24:00:00Z", "2026-11-25T09:30:00", "2026-11-25 09:30:00Z",
            "2026-11-25T09:30:00.1234567890Z", "2026-11-25T09:30:00+2:00", "yesterday",
            "2026-11-25T09:30:00+19:00"})
    void refusesLikeTheJdk(String text) {
        assertThatThrownBy(() -> jdk(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void anyInstantWithAnyOffset() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 50_000; i++) {
            OffsetDateTime at = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_000L), random.nextInt(1_000_000_000))
                    .atOffset(ZoneOffset.ofTotalSeconds(random.nextInt(-18, 19) * 1800 / 2 * 2));
            String text = at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(at.toInstant());
        }
    }

    private static Instant jdk(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
