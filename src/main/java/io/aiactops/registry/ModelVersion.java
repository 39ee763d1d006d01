package io.aiactops.registry;

import java.time.Instant;

/** One version of a system's model, linked to the version it succeeds (Annex IV 1(c)). */
public record ModelVersion(
        long id,
        String systemId,
        String version,
        String artifactUri,
        String sha256,
        ModelVersionStatus status,
        String previousVersion,
        Instant createdAt,
        String createdBy,
        Instant statusChangedAt,
        String statusChangedBy,
        String statusReason) {
}
