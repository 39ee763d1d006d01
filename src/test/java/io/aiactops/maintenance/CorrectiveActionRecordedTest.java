package io.aiactops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.support.CanonicalPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The register's {@code corrective_action} payloads, byte for byte: each string is the canonical JSON
 * the map-building code gave before the record replaced it. A failure means a changed field: the record
 * is wrong, not the string.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class)
class CorrectiveActionRecordedTest {

    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void requested() {
        assertThat(json(CorrectiveActionRecorded.requested("CA-2026-00007", "serious_incident", "r", "INC-2026-00001", null,
                null))).isEqualTo("{\"correctiveActionId\":\"CA-2026-00007\",\"event\":\"requested\",\"origin\":\"serious_incident\",\"reason\":\"r\",\"reference\":\"INC-2026-00001\"}");
    }

    @Test
    void requestedByAnAuthority() {
        assertThat(json(CorrectiveActionRecorded.requested("CA-2026-00008", "authority_order", "r", null, "FR MSA-FR-2026-118",
                "2026-07-22T22:00:00Z"))).isEqualTo("{\"authority\":\"FR MSA-FR-2026-118\",\"correctiveActionId\":\"CA-2026-00008\",\"dueAt\":\"2026-07-22T22:00:00Z\",\"event\":\"requested\",\"origin\":\"authority_order\",\"reason\":\"r\"}");
    }

    @Test
    void decided() {
        assertThat(json(CorrectiveActionRecorded.decided("CA-2026-00007", "retrain", "because", false))).isEqualTo("{\"action\":\"retrain\",\"correctiveActionId\":\"CA-2026-00007\",\"event\":\"decided\",\"presentsRisk\":false,\"rationale\":\"because\"}");
    }

    @Test
    void verifiedWithTheKpis() {
        assertThat(json(CorrectiveActionRecorded.verified("CA-2026-00007", true, "fine", EffectivenessKpis.asPayload(List.of(
                new EffectivenessKpis.MetricKpi("accuracy", 10, 0.71, 12, 0.74, 3, 2),
                new EffectivenessKpis.MetricKpi("bias", 0, null, 1, 0.5, 0, 1)))))).isEqualTo("{\"correctiveActionId\":\"CA-2026-00007\",\"event\":\"verified_effective\",\"kpis\":{\"accuracy\":{\"breachesAfter\":2,\"breachesBefore\":3,\"countAfter\":12,\"countBefore\":10,\"meanAfter\":0.74,\"meanBefore\":0.71,\"metric\":\"accuracy\"},\"bias\":{\"breachesAfter\":1,\"breachesBefore\":0,\"countAfter\":1,\"countBefore\":0,\"meanAfter\":0.5,\"metric\":\"bias\"}},\"notes\":\"fine\"}");
    }

    @Test
    void closed() {
        assertThat(json(CorrectiveActionRecorded.closed("CA-2026-00007", "done"))).isEqualTo("{\"correctiveActionId\":\"CA-2026-00007\",\"event\":\"closed\",\"reason\":\"done\"}");
    }

    @Test
    void acknowledged() {
        assertThat(json(CorrectiveActionRecorded.acknowledged("CA-2026-00007", "ops@bank.example"))).isEqualTo("{\"correctiveActionId\":\"CA-2026-00007\",\"event\":\"acknowledged\",\"recipient\":\"ops@bank.example\"}");
    }

    @Test
    void readersReadEventsRecordedBeforeTheRecord() throws Exception {
        CorrectiveActionRecorded verified = objectMapper.readValue("{\"correctiveActionId\":\"CA-2026-00007\",\"event\":\"verified_effective\",\"kpis\":{\"accuracy\":{\"breachesAfter\":2,\"breachesBefore\":3,\"countAfter\":12,\"countBefore\":10,\"meanAfter\":0.74,\"meanBefore\":0.71,\"metric\":\"accuracy\"},\"bias\":{\"breachesAfter\":1,\"breachesBefore\":0,\"countAfter\":1,\"countBefore\":0,\"meanAfter\":0.5,\"metric\":\"bias\"}},\"notes\":\"fine\"}", CorrectiveActionRecorded.class);

        assertThat(verified.correctiveActionId()).isEqualTo("CA-2026-00007");
        assertThat(verified.event()).isEqualTo("verified_effective");
    }

    private String json(Object payload) {
        return CanonicalPayloads.of(objectMapper, payload);
    }
}
