package io.aiactops.deployment;

/** Where a release stands; the model version's own status lives in the registry. */
public enum ReleaseStatus {
    IN_REVIEW, APPROVED, ACTIVATED, REJECTED, CONFORMITY_ASSESSMENT_REQUIRED
}
