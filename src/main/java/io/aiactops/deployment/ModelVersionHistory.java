package io.aiactops.deployment;

import java.time.Instant;
import java.util.List;

import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.ModelVersionStatus;

/**
 * One link of a system's version chain (Annex IV 1(c), 2(g), 6): the registered version, the version
 * it replaced, and, when it went through the deployment gate, its release with evidence and decisions.
 */
public record ModelVersionHistory(long id, String systemId, String version, String artifactUri, String sha256,
        ModelVersionStatus status, String previousVersion, Instant createdAt, String createdBy, Instant statusChangedAt,
        String statusChangedBy, String statusReason, ReleaseView release) {

    /** The release of a version: who asked and how, the evidence, the change assessment and the decision. */
    public record ReleaseView(long id, ReleaseTrigger trigger, Instant requestedAt, String requestedBy,
            ReleaseStatus status, String changeAssessment, Boolean trainingDataChanged, Boolean intendedPurposeChanged,
            String decision, Instant decidedAt, String decidedBy, String decisionReason, Instant activatedAt,
            Instant closedAt, List<Evidence> evidence) {
    }

    static ModelVersionHistory of(ModelVersion v, ReleaseView release) {
        return new ModelVersionHistory(v.id(), v.systemId(), v.version(), v.artifactUri(), v.sha256(), v.status(),
                v.previousVersion(), v.createdAt(), v.createdBy(), v.statusChangedAt(), v.statusChangedBy(),
                v.statusReason(), release);
    }
}
