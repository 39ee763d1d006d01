package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.aiactops.calendar.TimeLimit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which classified incidents are reportable, and which harms their deadline counts (Art. 73(9), 73(10)). */
class ReportabilityTest {

    private static final Instant AWARE = Instant.parse("2026-11-25T09:00:00Z");

    private final Reportability reportability = new Reportability(IncidentCalendars.clock());

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', textBlock = """
            # serious | harms                        | widespread | sectoral | reason                                   | why
            true      | HEALTH DEATH                 | false      | false    | 73(4) death: 10 days                     | the shortest period of its harms
            true      | HEALTH                       | false      | false    | 73(2) general: 15 days                   | any serious incident
            true      | FUNDAMENTAL_RIGHTS           | true       | false    | 73(3) widespread infringement: 2 days    | widespread infringement
            true      | DEATH FUNDAMENTAL_RIGHTS     | false      | true     | 73(2) general: 15 days                   | sectoral regime: the death is reported there, only 73(2) counts here
            true      | FUNDAMENTAL_RIGHTS           | true       | true     | 73(3) widespread infringement: 2 days    | sectoral regime: a widespread infringement still counts
            false     |                              | false      | false    | not a serious incident: rationale        | not serious: not reportable, and says why
            true      | DEATH                        | false      | true     | the system is under an equivalent sectoral regime, which it is reported under; the AI Act asks only for fundamental-rights infringements (Art. 73(9), 73(10)) | sectoral regime without a fundamental-rights infringement
            """)
    void reportabilityAndTheGoverningPeriod(boolean serious, String harms, boolean widespread, boolean sectoral, String reason,
            String why) {
        Reportability.Outcome outcome = reportability.outcome(classification(serious, harms(harms), widespread), sectoral, AWARE);

        assertThat(outcome.reason()).as(why).isEqualTo(reason);
        boolean reportable = !reason.startsWith("not a serious") && !reason.startsWith("the system is under");
        assertThat(outcome.reportable()).as(why).isEqualTo(reportable);
        if (reportable) {
            assertThat(outcome.deadlines().timeLimits()).extracting(TimeLimit::memberState).containsExactly("DE", "FR");
        } else {
            assertThat(outcome.deadlines()).as(why).isNull();
        }
    }

    private static Set<Harm> harms(String names) {
        return names == null ? EnumSet.noneOf(Harm.class)
                : Arrays.stream(names.split(" ")).map(Harm::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Harm.class)));
    }

    private static Classification classification(boolean serious, Set<Harm> harms, boolean widespread) {
        return new Classification(serious, harms, widespread, CausalLink.ESTABLISHED, AWARE, List.of("FR", " DE"), Set.of(),
                "rationale", List.of());
    }
}
