package io.aiactops.maintenance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the register keeps of post-market reviews, instructions for use and monitoring plans. Hashed into
 * the chain for ever: a field is never renamed and an absent value is left out, as it always was
 * ({@code MaintenanceRecordedTest} pins each one).
 */
public final class MaintenanceRecorded {

    private MaintenanceRecorded() {
    }

    /** A review signed off (event type {@code post_market_report}): the SHA-256 of the frozen report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PostMarketReportSigned(String postMarketReportId, String periodFrom, String periodTo, String sha256,
            String signedBy, String signedByName, String role, String signedAt, Boolean correctiveActionRequested) {
    }

    /** A version of the instructions published, or acknowledged by a deployer (event type {@code instructions_for_use}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instructions(String event, Integer version, String changeLog, String deployer) {

        static Instructions published(int version, String changeLog) {
            return new Instructions("published", version, changeLog, null);
        }

        static Instructions acknowledged(int version, String deployer) {
            return new Instructions("acknowledged", version, null, deployer);
        }
    }

    /** A new version of the monitoring plan (event type {@code configuration_changed}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MonitoringPlanChanged(Integer monitoringPlanVersion, List<String> metrics, String reviewCadence,
            String changeNote) {
    }
}
