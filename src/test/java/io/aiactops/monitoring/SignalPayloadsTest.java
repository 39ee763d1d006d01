package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.logs.LogEvent;
import io.aiactops.oversight.Breach;
import io.aiactops.oversight.Severity;
import io.aiactops.support.CanonicalPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The register's monitoring_signal and threshold_breach payloads, byte for byte: each string is the
 * canonical JSON the map-building code gave before the records replaced it. A failure means a changed
 * field: the record is wrong, not the string.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class)
class SignalPayloadsTest {

    private static final Instant OBSERVED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Breach BREACH = new Breach("sys", "accuracy", "performance", Severity.CRITICAL,
            "accuracy 0.78 < 0.80", 0.78, OBSERVED, "1.0.0", "signal");

    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void aSignalWithEveryField() {
        NewSignal signal = new NewSignal("accuracy", SignalCategory.PERFORMANCE, new BigDecimal("0.78"), OBSERVED,
                Duration.ofHours(1), "1.0.0", new TreeMap<>(Map.of("region", "eu", "env", "prod")), "prometheus", "sig-1");
        assertThat(json(MonitoringSignalRecorded.of(signal))).isEqualTo("{\"category\":\"performance\",\"labels\":"
                + "{\"env\":\"prod\",\"region\":\"eu\"},\"metric\":\"accuracy\",\"signalId\":\"sig-1\",\"source\":\"prometheus\","
                + "\"value\":0.78,\"window\":\"PT1H\"}");
    }

    @Test
    void aSignalWithoutOptionalFieldsKeepsItsEmptyLabels() {
        NewSignal signal = new NewSignal("psi_drift", SignalCategory.DATA_QUALITY, new BigDecimal("12.5"), OBSERVED,
                null, null, Map.of(), null, null);
        assertThat(json(MonitoringSignalRecorded.of(signal)))
                .isEqualTo("{\"category\":\"data_quality\",\"labels\":{},\"metric\":\"psi_drift\",\"value\":12.5}");
    }

    @Test
    void aBreachFoundInASignal() {
        assertThat(json(ThresholdBreachRecorded.fromSignal(BREACH, "sig-1"))).isEqualTo("{\"category\":\"performance\","
                + "\"metric\":\"accuracy\",\"observedAt\":\"2026-11-25T09:00:00Z\",\"rationale\":\"accuracy 0.78 < 0.80\","
                + "\"severity\":\"critical\",\"signalId\":\"sig-1\",\"source\":\"signal\",\"value\":0.78}");
    }

    @Test
    void aBreachFoundInASignalWithoutIdRecordsAnEmptyId() {
        assertThat(json(ThresholdBreachRecorded.fromSignal(BREACH, null))).isEqualTo("{\"category\":\"performance\","
                + "\"metric\":\"accuracy\",\"observedAt\":\"2026-11-25T09:00:00Z\",\"rationale\":\"accuracy 0.78 < 0.80\","
                + "\"severity\":\"critical\",\"signalId\":\"\",\"source\":\"signal\",\"value\":0.78}");
    }

    @Test
    void aBreachReportedByAlertmanagerWithoutValueEndOrLink() {
        Breach alert = new Breach("sys", "accuracy", "performance", Severity.WARNING, "Alertmanager: Accuracy low", null,
                Instant.parse("2026-11-25T08:55:00Z"), null, "alertmanager");
        ThresholdBreachRecorded recorded = ThresholdBreachRecorded.fromAlert(alert, "firing", "3f2a",
                Instant.parse("2026-11-25T08:55:00Z"), null, Map.of("ai_system", "sys", "metric", "accuracy"),
                Map.of("summary", "Accuracy low"), null);
        assertThat(json(recorded)).isEqualTo("{\"alertStatus\":\"firing\",\"annotations\":{\"summary\":\"Accuracy low\"},"
                + "\"category\":\"performance\",\"fingerprint\":\"3f2a\",\"labels\":{\"ai_system\":\"sys\",\"metric\":\"accuracy\"},"
                + "\"metric\":\"accuracy\",\"observedAt\":\"2026-11-25T08:55:00Z\",\"rationale\":\"Alertmanager: Accuracy low\","
                + "\"severity\":\"warning\",\"source\":\"alertmanager\",\"startsAt\":\"2026-11-25T08:55:00Z\"}");
    }

    @Test
    void readersReadWhatTheMapsWroteAndSkipWhatAClientSentOtherwise() throws Exception {
        MonitoringSignalRecorded old = LogEvent.read(objectMapper.readTree("{\"category\":\"performance\",\"labels\":{},"
                + "\"metric\":\"accuracy\",\"value\":0.78,\"extra\":true}"), MonitoringSignalRecorded.class).orElseThrow();
        assertThat(old.metric()).isEqualTo("accuracy");
        assertThat(old.value()).isEqualByComparingTo("0.78");
        assertThat(LogEvent.read(objectMapper.readTree("{\"metric\":\"accuracy\",\"value\":{\"not\":\"a number\"}}"),
                MonitoringSignalRecorded.class)).isEmpty();
    }

    private String json(Object payload) {
        return CanonicalPayloads.of(objectMapper, payload);
    }
}
