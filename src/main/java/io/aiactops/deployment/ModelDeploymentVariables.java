package io.aiactops.deployment;

import io.aiactops.platform.process.ProcessVariable;

/**
 * The variables of {@code model-deployment}. The release and its evidence live in our tables
 * ({@link ModelReleases}); the process holds the release id, what its forms show and what its
 * gateways and timer read.
 */
public final class ModelDeploymentVariables {

    // Set when the gate starts.
    public static final ProcessVariable<String> AI_SYSTEM_ID = ProcessVariable.of("aiSystemId", String.class);
    public static final ProcessVariable<String> MODEL_VERSION = ProcessVariable.of("modelVersion", String.class);
    public static final ProcessVariable<Long> RELEASE_ID = ProcessVariable.of("releaseId", Long.class);
    public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.of("requestedBy", String.class);
    /** ISO-8601 duration between two checks of an evidence hold (aiact.deployment.hold-recheck-interval). */
    public static final ProcessVariable<String> HOLD_RECHECK_INTERVAL = ProcessVariable.of("holdRecheckInterval", String.class);

    // Check evidence
    public static final ProcessVariable<String> EVIDENCE_STATUS = ProcessVariable.of("evidenceStatus", String.class);
    public static final ProcessVariable<String> CHECK_RESULT = ProcessVariable.of("checkResult", String.class);
    public static final ProcessVariable<String> EVIDENCE_SUMMARY = ProcessVariable.of("evidenceSummary", String.class);
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.of("rejectionReason", String.class);

    // Complete evidence (form fields, one group per kind)
    public static final ProcessVariable<String> INFRASTRUCTURE_SIZING_REFERENCE = ProcessVariable.of("infrastructureSizingReference", String.class);
    public static final ProcessVariable<String> CYBER_RISK_ANALYSIS_REFERENCE = ProcessVariable.of("cyberRiskAnalysisReference", String.class);
    public static final ProcessVariable<String> CI_RUN_REFERENCE = ProcessVariable.of("ciRunReference", String.class);
    public static final ProcessVariable<String> CI_RUN_STATUS = ProcessVariable.of("ciRunStatus", String.class);
    public static final ProcessVariable<String> TEST_REPORT_REFERENCE = ProcessVariable.of("testReportReference", String.class);
    public static final ProcessVariable<String> TEST_REPORT_SHA256 = ProcessVariable.of("testReportSha256", String.class);
    public static final ProcessVariable<Long> TEST_REPORT_PASSED = ProcessVariable.of("testReportPassed", Long.class);
    public static final ProcessVariable<Long> TEST_REPORT_FAILED = ProcessVariable.of("testReportFailed", Long.class);
    public static final ProcessVariable<String> TEST_REPORT_DATE = ProcessVariable.of("testReportDate", String.class);
    public static final ProcessVariable<String> TEST_REPORT_SIGNED_BY = ProcessVariable.of("testReportSignedBy", String.class);
    public static final ProcessVariable<String> TEST_REPORT_METRICS = ProcessVariable.of("testReportMetrics", String.class);
    public static final ProcessVariable<String> MODEL_ARTIFACT_SHA256 = ProcessVariable.of("modelArtifactSha256", String.class);
    public static final ProcessVariable<String> TECHNICAL_DOCUMENTATION_REFERENCE = ProcessVariable.of("technicalDocumentationReference", String.class);
    public static final ProcessVariable<String> TECHNICAL_DOCUMENTATION_VERSION = ProcessVariable.of("technicalDocumentationVersion", String.class);
    public static final ProcessVariable<Boolean> TRAINING_DATA_CHANGED = ProcessVariable.of("trainingDataChanged", Boolean.class);
    public static final ProcessVariable<Boolean> INTENDED_PURPOSE_CHANGED = ProcessVariable.of("intendedPurposeChanged", Boolean.class);

    // Compare with the active version, assess the change (change-assessment.dmn)
    public static final ProcessVariable<String> PREVIOUS_VERSION = ProcessVariable.of("previousVersion", String.class);
    public static final ProcessVariable<String> METRIC_DELTAS = ProcessVariable.of("metricDeltas", String.class);
    public static final ProcessVariable<Double> LARGEST_METRIC_DROP = ProcessVariable.of("largestMetricDrop", Double.class);
    public static final ProcessVariable<String> CHANGE_ASSESSMENT = ProcessVariable.of("changeAssessment", String.class);
    public static final ProcessVariable<String> CONFORMITY_ASSESSMENT_NOTE = ProcessVariable.of("conformityAssessmentNote", String.class);

    // Review release
    public static final ProcessVariable<String> RELEASE_DECISION = ProcessVariable.of("releaseDecision", String.class);
    public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.of("decisionReason", String.class);
    public static final ProcessVariable<String> DECIDED_BY = ProcessVariable.of("decidedBy", String.class);

    // Activation
    public static final ProcessVariable<String> HOLD_MESSAGE = ProcessVariable.of("holdMessage", String.class);

    private ModelDeploymentVariables() {
    }
}
