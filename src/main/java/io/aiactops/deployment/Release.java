package io.aiactops.deployment;

import java.time.Instant;

/** The deployment gate's record of one candidate version: who asked, what was assessed and decided, when. */
public record Release(long id, String systemId, String version, ReleaseTrigger trigger, Instant requestedAt,
        String requestedBy, String processInstanceId, Boolean trainingDataChanged, Boolean intendedPurposeChanged,
        String changeAssessment, ReleaseStatus status, String decision, Instant decidedAt, String decidedBy,
        String decisionReason, Instant activatedAt, Instant closedAt) {
}
