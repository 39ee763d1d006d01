package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.aiactops.registry.AiSystem;
import org.junit.jupiter.api.Test;

/** Which classified incidents are reportable, and which harms their deadline counts (Art. 73(9), 73(10)). */
class ReportabilityTest {

    private static final Instant AWARE = Instant.parse("2026-11-25T09:00:00Z");

    private final IncidentCases cases = new IncidentCases(null, null, null, null, IncidentCalendars.clock(), null, Clock.systemUTC());

    @Test
    void aSeriousIncidentIsReportableWithTheShortestPeriodOfItsHarms() {
        var outcome = cases.outcome(classification(true, Set.of(Harm.HEALTH, Harm.DEATH), false), system(false), AWARE);

        assertThat(outcome.reportable()).isTrue();
        assertThat(outcome.reason()).isEqualTo("73(4) death: 10 days");
        assertThat(outcome.deadlines().timeLimits()).extracting(TimeLimit::memberState).containsExactly("DE", "FR");
    }

    @Test
    void anIncidentThatIsNotSeriousIsNotReportableAndSaysWhy() {
        var outcome = cases.outcome(classification(false, Set.of(), false), system(false), AWARE);

        assertThat(outcome.reportable()).isFalse();
        assertThat(outcome.reason()).isEqualTo("not a serious incident: rationale");
        assertThat(outcome.deadlines()).isNull();
    }

    @Test
    void aSystemUnderASectoralRegimeReportsOnlyFundamentalRightsInfringements() {
        var health = cases.outcome(classification(true, Set.of(Harm.DEATH), false), system(true), AWARE);
        assertThat(health.reportable()).isFalse();
        assertThat(health.reason()).contains("sectoral regime");

        var rights = cases.outcome(classification(true, Set.of(Harm.DEATH, Harm.FUNDAMENTAL_RIGHTS), false), system(true), AWARE);
        assertThat(rights.reportable()).isTrue();
        assertThat(rights.reason()).as("the death is reported under the sectoral regime; only 73(2) counts here")
                .isEqualTo("73(2) general: 15 days");

        var widespread = cases.outcome(classification(true, Set.of(Harm.FUNDAMENTAL_RIGHTS), true), system(true), AWARE);
        assertThat(widespread.reason()).isEqualTo("73(3) widespread infringement: 2 days");
    }

    private static Classification classification(boolean serious, Set<Harm> harms, boolean widespread) {
        return new Classification(serious, harms, widespread, CausalLink.ESTABLISHED, AWARE, List.of("FR", "DE"), Set.of(),
                "rationale");
    }

    private static AiSystem system(boolean sectoralRegime) {
        AiSystem system = mock(AiSystem.class);
        when(system.sectoralRegime()).thenReturn(sectoralRegime);
        return system;
    }
}
