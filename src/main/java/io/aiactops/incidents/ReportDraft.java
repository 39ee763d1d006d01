package io.aiactops.incidents;

/**
 * What an incident manager writes in "Prepare authority report", by section of the Commission's draft
 * Art. 73 template; the rest of the report comes from the case and the registry.
 */
public record ReportDraft(
        ReportType reportType,
        String authorityReference,
        String submitterRole,
        String submitterName,
        String submitterContact,
        String modelVersion,
        String softwareVersion,
        String effects,
        String likelyCausality,
        String operator,
        String remedialActions,
        String firstReportedBy,
        String preliminaryResults,
        String initialCorrectiveActions,
        String plannedInvestigations,
        String rootCause,
        Boolean riskAssessmentReviewed,
        Boolean riskAssessmentStillHolds,
        String nonReportableReason,
        String generalComments) {
}
