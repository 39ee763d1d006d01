package io.aiactops.serving;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.ModelVersionStatus;
import io.aiactops.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Which model version served an inference: a configured mapping of the InferenceService and component
 * first, else the version the registry had active at that time. KServe's events carry no version.
 */
@Component
class ModelVersions {

    /** Where the version of an inference event came from; written into the event. */
    enum Source {
        MAPPING, REGISTRY, UNKNOWN;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Resolved(String version, Source source) {
    }

    private final Registry registry;
    private final ServingProperties properties;

    ModelVersions(Registry registry, ServingProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    /** Resolves versions for one system the caller found registered, reading its versions at most once. */
    Lookup lookup(String systemId) {
        return new Lookup(systemId);
    }

    /** A resolution of one system's versions, for one transaction: the registry is read on first need. */
    final class Lookup {
        private final String systemId;
        private List<ModelVersion> registered;

        private Lookup(String systemId) {
            this.systemId = systemId;
        }

        Resolved resolve(String inferenceService, String component, Instant at) {
            Optional<String> mapped = properties.modelVersions().stream()
                    .filter(m -> m.matches(systemId, inferenceService, component))
                    .map(ServingProperties.ModelVersionMapping::modelVersion).findFirst();
            if (mapped.isPresent()) {
                return new Resolved(mapped.get(), Source.MAPPING);
            }
            if (registered == null) {
                registered = registry.modelVersionsOfRegistered(systemId);
            }
            return activeAt(registered, at).map(v -> new Resolved(v, Source.REGISTRY))
                    .orElse(new Resolved(null, Source.UNKNOWN));
        }
    }

    /**
     * The version active at {@code at}. A version is active from the retirement of the version it
     * replaced until its own retirement; the registry keeps the retirement as a retired version's last
     * status change.
     */
    static Optional<String> activeAt(List<ModelVersion> versions, Instant at) {
        Map<String, ModelVersion> byLabel = versions.stream()
                .collect(Collectors.toMap(ModelVersion::version, Function.identity()));
        return versions.stream()
                .filter(v -> v.status() == ModelVersionStatus.ACTIVE || v.status() == ModelVersionStatus.RETIRED)
                .filter(v -> v.status() == ModelVersionStatus.ACTIVE || v.statusChangedAt().isAfter(at))
                .min(Comparator.comparing(v -> v.status() == ModelVersionStatus.ACTIVE ? Instant.MAX : v.statusChangedAt()))
                .filter(v -> !start(v, byLabel).isAfter(at))
                .map(ModelVersion::version);
    }

    private static Instant start(ModelVersion version, Map<String, ModelVersion> byLabel) {
        ModelVersion previous = version.previousVersion() == null ? null : byLabel.get(version.previousVersion());
        if (previous != null && previous.status() == ModelVersionStatus.RETIRED) {
            return previous.statusChangedAt();
        }
        // Without a predecessor: an active version's last change is its activation; a retired one's is
        // its retirement, so its registration is the best start known.
        return version.status() == ModelVersionStatus.ACTIVE ? version.statusChangedAt() : version.createdAt();
    }
}
