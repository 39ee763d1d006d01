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
 * The register's post-market review, instructions and monitoring-plan payloads, byte for byte: each string is the canonical JSON the map-building code gave before the record
 * replaced it. A failure means a changed field: the record is wrong, not the string.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class)
class MaintenanceRecordedTest {

    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void postMarketReportSigned() {
        assertThat(json(new MaintenanceRecorded.PostMarketReportSigned("PMR-2026-00003", "2026-02-01T00:00:00Z",
                "2026-03-01T00:00:00Z", "cc", "process-owner", null, "process owner", "2026-03-04T10:00:00Z", false)))
                .isEqualTo("{\"correctiveActionRequested\":false,\"periodFrom\":\"2026-02-01T00:00:00Z\",\"periodTo\":\"2026-03-01T00:00:00Z\",\"postMarketReportId\":\"PMR-2026-00003\",\"role\":\"process owner\",\"sha256\":\"cc\",\"signedAt\":\"2026-03-04T10:00:00Z\",\"signedBy\":\"process-owner\"}");
    }

    @Test
    void instructionsPublishedWithoutAChangeLog() {
        assertThat(json(MaintenanceRecorded.Instructions.published(2, null))).isEqualTo("{\"event\":\"published\",\"version\":2}");
    }

    @Test
    void instructionsAcknowledged() {
        assertThat(json(MaintenanceRecorded.Instructions.acknowledged(2, "ops@bank.example"))).isEqualTo("{\"deployer\":\"ops@bank.example\",\"event\":\"acknowledged\",\"version\":2}");
    }

    @Test
    void monitoringPlanChanged() {
        assertThat(json(new MaintenanceRecorded.MonitoringPlanChanged(3, List.of("accuracy", "bias"), "P3M", null)))
                .isEqualTo("{\"metrics\":[\"accuracy\",\"bias\"],\"monitoringPlanVersion\":3,\"reviewCadence\":\"P3M\"}");
    }

    private String json(Object payload) {
        return CanonicalPayloads.of(objectMapper, payload);
    }
}
