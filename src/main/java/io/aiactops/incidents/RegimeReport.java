package io.aiactops.incidents;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One stage's report under a regime beside Art. 73, to that regime's recipient in one Member State.
 * Serialized as JSON, it is the document whose SHA-256 the register keeps. The fields are the minimum each
 * regime asks for at that stage (docs/processes/regime-reporting.md maps them to GDPR Art. 33(3), NIS2
 * Art. 23(4), the DORA ITS (Implementing Regulation (EU) 2025/302) and MDR Art. 87); a field the regime
 * does not ask for is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegimeReport(
        String schema,
        String incidentId,
        String regime,
        String legalBasis,
        String stage,
        String stageTitle,
        String article,
        Recipient recipient,
        Entity entity,
        Incident incident,
        RegimeSubmission.Content content,
        Clock clock) {

    public static final String SCHEMA = "https://aiact-ops.io/schemas/regime-report/v1";

    public record Recipient(String memberState, String name, String email) {
    }

    /** The reporting entity (DORA ITS: the financial entity; GDPR: the controller; MDR: the manufacturer). */
    public record Entity(String name, String contact, String aiSystemId, String aiSystemName) {
    }

    /**
     * The incident as the regime sees it: {@code referenceCode} is the case id (DORA ITS: incident reference
     * code), {@code awareAt} the awareness under this regime (DORA ITS: detection), {@code classifiedAsMajorAt}
     * DORA's classification, {@code mdrCase} the paragraph of MDR Art. 87.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Incident(String referenceCode, String description, Instant occurredAt, Instant awareAt,
            Instant classifiedAsMajorAt, String mdrCase, List<String> memberStates, long personsAffected) {
    }

    /** When the stage was due (in UTC, in the Member State's local time, and in words) and submitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Clock(String basis, Instant dueAt, String dueAtLocal, String dueInWords, Instant submittedAt, boolean late,
            String delayReasons) {
    }
}
