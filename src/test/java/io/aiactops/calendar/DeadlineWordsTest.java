package io.aiactops.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineWordsTest {

    @ParameterizedTest(name = "{0} in {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-05-04T22:00:00Z | Europe/Berlin | DE | Ende des Tages Montag, 4. Mai 2026, Europe/Berlin (22:00 UTC)
            2026-05-04T22:00:00Z | Europe/Berlin | FR | fin de la journée du lundi 4 mai 2026, Europe/Berlin (22:00 UTC)
            2026-05-04T22:00:00Z | Europe/Berlin | IE | end of Monday 4 May 2026, Europe/Berlin (22:00 UTC)
            2026-12-10T23:00:00Z | Europe/Paris  | FR | fin de la journée du jeudi 10 décembre 2026, Europe/Paris (23:00 UTC)
            2026-12-11T00:00:00Z | Europe/Lisbon | PT | end of Thursday 10 December 2026, Europe/Lisbon (00:00 UTC)
            2026-05-04T12:30:00Z | Europe/Berlin | DE | Montag, 4. Mai 2026, 14:30 Uhr, Europe/Berlin (12:30 UTC)
            2026-05-04T12:30:00Z | Europe/Paris  | FR | lundi 4 mai 2026 à 14:30, Europe/Paris (12:30 UTC)
            2026-05-04T22:30:00Z | Europe/Athens | GR | Tuesday 5 May 2026 at 01:30, Europe/Athens (2026-05-04 22:30 UTC)
            2026-05-04T14:30:00Z | UTC           | EU | Monday 4 May 2026 at 14:30 UTC
            2026-05-05T00:00:00Z | Z             | EU | end of Monday 4 May 2026 UTC
            """)
    void readsTheDeadlineInTheMemberStatesLanguageWithTheUtcTimeBeside(String instant, String zone, String memberState,
            String expected) {
        assertThat(DeadlineWords.forMemberState(memberState).of(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(expected);
    }
}
