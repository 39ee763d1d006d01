package io.aiactops.incidents;

import java.time.Instant;
import java.util.List;

import io.aiactops.calendar.Deadline;

/**
 * One report to one market surveillance authority, in the structure of the Commission's draft Art. 73
 * template (sections 1 to 5). Serialized as JSON, it is the document whose SHA-256 the register
 * keeps; docs/processes/serious-incident.md documents the schema.
 */
public record AuthorityReport(
        String schema,
        String incidentId,
        int reportNumber,
        Administrative administrative,
        AiSystemSection aiSystem,
        IncidentSection incident,
        ProviderAnalysis providerAnalysis,
        String generalComments,
        Deadline deadline) {

    public static final String SCHEMA = "https://aiact-ops.io/schemas/authority-report/v1";

    /** Section 1. */
    public record Administrative(Authority authority, Instant reportDate, String reportType,
            List<String> harmClassification, boolean widespreadInfringement, Submitter submitter,
            List<String> otherRegimes) {
    }

    public record Authority(String memberState, String name, String email, String reference) {
    }

    public record Submitter(String role, String name, String contact) {
    }

    /** Section 2. */
    public record AiSystemSection(String id, String euDatabaseId, String name, String description, String provider,
            String modelVersion, String softwareVersion) {
    }

    /** Section 3. */
    public record IncidentSection(String description, Instant occurredAt, Instant awareAt, String effects,
            String causalLink, Instant causalLinkAt, String likelyCausality, long personsAffected, String operator,
            String remedialActions, String firstReportedBy, Instant providerInformedAt) {
    }

    /** Section 4. */
    public record ProviderAnalysis(String preliminaryResults, String initialCorrectiveActions,
            String plannedInvestigations, String rootCause, String nonReportableReason, Boolean riskAssessmentReviewed,
            Boolean riskAssessmentStillHolds) {
    }

    /**
     * The Art. 73 deadline in this Member State, nominal and adjusted, in its local time (ISO-8601) and
     * in words ("end of Thursday 10 December 2026, Europe/Paris (23:00 UTC)").
     */
    public record Deadline(String reportingPeriod, String nominalEndsAt, String nominalEndsInWords, String adjustedEndsAt,
            String adjustedEndsInWords) {
    }
}
