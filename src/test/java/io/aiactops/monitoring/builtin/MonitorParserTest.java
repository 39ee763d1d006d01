package io.aiactops.monitoring.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.monitoring.SignalCategory;
import io.aiactops.platform.web.InvalidFieldException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The monitors of a plan: defaults filled in, and each bad one refused naming its field. */
class MonitorParserTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MonitorParser parser = new MonitorParser(
            new BuiltinMonitorProperties(Duration.ofSeconds(30), Duration.ofHours(1), 5000, 200_000, 48, 100, 30, 0.0001),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void fillsInEachKindsDefaults() {
        List<Monitor> monitors = parse("""
                [{"kind": "psi", "field": "/output/score", "cadence": "PT1H", "window": "P1D",
                  "reference": {"from": "2026-10-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"}},
                 {"kind": "confidence", "cadence": "PT1H", "window": "P1D"},
                 {"kind": "group_parity", "metric": "approval_parity", "groupField": "/context/ageBand",
                  "outcomeField": "/output/decision", "outcomeValue": "approve", "cadence": "P1D", "window": "P7D"}]""");

        assertThat(monitors.get(0)).extracting(Monitor::metric, Monitor::category, Monitor::bins, Monitor::minCount)
                .containsExactly("psi_drift", SignalCategory.DRIFT, 10, 100);
        assertThat(monitors.get(1)).extracting(Monitor::metric, Monitor::field, Monitor::cutOff)
                .containsExactly("mean_confidence", "/confidence", 0.5);
        assertThat(monitors.get(2)).extracting(Monitor::metric, Monitor::category, Monitor::minGroupSize)
                .containsExactly("approval_parity", SignalCategory.BIAS, 30);
        assertThat(monitors.get(0).bucket()).isEqualTo(Duration.ofHours(1));
        assertThat(parse("""
                [{"kind": "volume", "cadence": "PT5M", "window": "PT30M"}]""").get(0).bucket())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown kind | {\"kind\": \"entropy\", \"cadence\": \"PT1H\", \"window\": \"P1D\"} | monitors[0].kind",
            "not a pointer | {\"kind\": \"missing_rate\", \"field\": \"output.score\", \"cadence\": \"PT1H\", \"window\": \"P1D\"} | monitors[0].field",
            "bad escape | {\"kind\": \"missing_rate\", \"field\": \"/a~2b\", \"cadence\": \"PT1H\", \"window\": \"P1D\"} | monitors[0].field",
            "cadence under a minute | {\"kind\": \"volume\", \"cadence\": \"PT59S\", \"window\": \"P1D\"} | monitors[0].cadence",
            "window shorter than cadence | {\"kind\": \"volume\", \"cadence\": \"PT1H\", \"window\": \"PT30M\"} | monitors[0].window",
            "group parity without group | {\"kind\": \"group_parity\", \"outcomeField\": \"/output/decision\", \"outcomeValue\": \"approve\", \"cadence\": \"PT1H\", \"window\": \"P1D\"} | monitors[0].groupField",
            "reference in the future | {\"kind\": \"psi\", \"field\": \"/x\", \"cadence\": \"PT1H\", \"window\": \"P1D\", \"reference\": {\"from\": \"2026-11-25T00:00:00Z\", \"to\": \"2026-11-26T00:00:00Z\"}} | monitors[0].reference.to",
            "reference backwards | {\"kind\": \"psi\", \"field\": \"/x\", \"cadence\": \"PT1H\", \"window\": \"P1D\", \"reference\": {\"from\": \"2026-11-02T00:00:00Z\", \"to\": \"2026-11-01T00:00:00Z\"}} | monitors[0].reference.to",
            "psi without reference | {\"kind\": \"psi\", \"field\": \"/x\", \"cadence\": \"PT1H\", \"window\": \"P1D\"} | monitors[0].reference",
            "parameter of another kind | {\"kind\": \"volume\", \"field\": \"/x\", \"cadence\": \"PT1H\", \"window\": \"P1D\"} | monitors[0].field",
            "unknown category | {\"kind\": \"volume\", \"category\": \"vibes\", \"cadence\": \"PT1H\", \"window\": \"P1D\"} | monitors[0].category",
            "cut-off above 1 | {\"kind\": \"confidence\", \"cutOff\": 1.5, \"cadence\": \"PT1H\", \"window\": \"P1D\"} | monitors[0].cutOff",
            "backfill not whole cadences | {\"kind\": \"volume\", \"cadence\": \"PT6H\", \"window\": \"P1D\", \"backfill\": \"PT7H\"} | monitors[0].backfill",
            "backfill too long | {\"kind\": \"volume\", \"cadence\": \"PT1H\", \"window\": \"P1D\", \"backfill\": \"P40D\"} | monitors[0].backfill",
            "bins not whole | {\"kind\": \"psi\", \"field\": \"/x\", \"bins\": 2.5, \"cadence\": \"PT1H\", \"window\": \"P1D\", \"reference\": {\"beforeActivation\": true}} | monitors[0].bins",
    })
    void refusesABadMonitorNamingItsField(String reason, String monitor, String field) {
        assertThatThrownBy(() -> parse("[" + monitor + "]"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void refusesTwoMonitorsOfOneMetric() {
        assertThatThrownBy(() -> parse("""
                [{"kind": "volume", "cadence": "PT1H", "window": "P1D"},
                 {"kind": "volume", "cadence": "PT1H", "window": "P2D"}]"""))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("monitors[1].metric"));
    }

    private List<Monitor> parse(String json) {
        try {
            return parser.parse(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
