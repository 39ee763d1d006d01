package io.aiactops.serving;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code aiact.serving.*}: how CloudEvents from the serving stack are paired and recorded
 * (docs/integrations.md, docs/operations.md); {@code sweep-interval} is read by {@link LoneHalfSweeper}.
 *
 * @param pairingWait how long a KServe request or response waits for its partner before it is recorded alone
 * @param pairingRetention how long a settled pair is kept to recognise a redelivery
 * @param maxStoredData data larger than this is recorded as a reference (SHA-256 and size), not in full
 * @param modelVersions the model version of an InferenceService's component, where the registry's active
 *        version is not the one it serves (a canary, a shadow)
 */
@ConfigurationProperties("aiact.serving")
record ServingProperties(
        @DefaultValue("PT5M") Duration pairingWait,
        @DefaultValue("P7D") Duration pairingRetention,
        @DefaultValue("64KB") DataSize maxStoredData,
        @DefaultValue("1000") int maxEventsPerRequest,
        @DefaultValue List<ModelVersionMapping> modelVersions) {

    /** {@code component} empty: every component of the InferenceService. */
    record ModelVersionMapping(String system, String inferenceService, String component, String modelVersion) {

        ModelVersionMapping {
            if (isBlank(system) || isBlank(inferenceService) || isBlank(modelVersion)) {
                throw new IllegalArgumentException(
                        "aiact.serving.model-versions: each entry needs system, inference-service and model-version");
            }
        }

        boolean matches(String systemId, String service, String serviceComponent) {
            return system.equals(systemId) && inferenceService.equals(service)
                    && (isBlank(component) || component.equals(serviceComponent));
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
