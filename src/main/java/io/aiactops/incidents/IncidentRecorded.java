package io.aiactops.incidents;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the register keeps of a serious-incident case: one record per step of an {@code incident} event,
 * and the {@code report_sent} event. Their JSON is hashed into the chain for ever, so a field is never
 * renamed and an absent value is left out, as it always was ({@code IncidentRecordedTest} pins each one).
 * Readers read old events with the same records.
 */
public final class IncidentRecorded {

    private IncidentRecorded() {
    }

    /** Any step, as far as every step has it: which case, and which step. For readers that need no more. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnyStep(String incidentId, String event) {
    }

    /** A step of the case (event type {@code incident}), named by {@code event}. */
    public sealed interface Step permits Opened, Classified, InvestigationRecorded, CorrectiveActionRequested, NotReportable,
            ReportPrepared, Closed, RegimeStarted, RegimeStageRecorded, RegimeFinished {

        String incidentId();

        String event();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Opened(String incidentId, String event, String origin, String occurredAt, String awareAt, String reporter,
            List<String> memberStates, Long personsAffected, String description, String deployerReference,
            String providerInformedAt) implements Step {

        public static final String EVENT = "opened";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Classified(String incidentId, String event, Boolean serious, List<String> harms, Boolean widespread,
            Boolean reportable, String reason, List<String> memberStates, String reportingPeriod, List<Deadline> deadlines)
            implements Step {

        public static final String EVENT = "classified";

        /** One Member State's time limit, nominal and adjusted (ISO-8601 instants). */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Deadline(String memberState, String nominalEndsAt, String adjustedEndsAt) {
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvestigationRecorded(String incidentId, String event, String findings, String rootCause,
            Boolean riskAssessmentStillHolds, String riskAssessmentNotes, Boolean correctiveActionRequested) implements Step {

        public static final String EVENT = "investigation_recorded";

        public InvestigationRecorded(String incidentId, String findings, String rootCause, boolean riskAssessmentStillHolds,
                String riskAssessmentNotes, boolean correctiveActionRequested) {
            this(incidentId, EVENT, findings, rootCause, riskAssessmentStillHolds, riskAssessmentNotes, correctiveActionRequested);
        }
    }

    /** @param handedOverTo where the request went: always the corrective-action process */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CorrectiveActionRequested(String incidentId, String event, String reason, String handedOverTo) implements Step {

        public static final String EVENT = "corrective_action_requested";

        public CorrectiveActionRequested(String incidentId, String reason) {
            this(incidentId, EVENT, reason, "corrective-action process");
        }
    }

    /** The final (non-reportable) record of a case. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotReportable(String incidentId, String event, String rationale) implements Step {

        public static final String EVENT = "final_non_reportable";

        public NotReportable(String incidentId, String rationale) {
            this(incidentId, EVENT, rationale);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportPrepared(String incidentId, String event, Integer reportNumber, String reportType,
            List<String> memberStates) implements Step {

        public static final String EVENT = "report_prepared";

        public ReportPrepared(String incidentId, int reportNumber, String reportType, List<String> memberStates) {
            this(incidentId, EVENT, reportNumber, reportType, memberStates);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closed(String incidentId, String event, String reason) implements Step {

        public static final String EVENT = "closed";
    }

    /** One report mailed to one authority (event type {@code report_sent}); the SHA-256 of its JSON and HTML. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportSent(String incidentId, Integer reportNumber, String reportType, String memberState, String recipient,
            String sentAt, String messageId, String sha256, String htmlSha256) {
    }

    /** A regime beside Art. 73 whose clocks the case now runs, with the facts they count from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegimeStarted(String incidentId, String event, String regime, String awareAt, String doraClassifiedAt,
            Boolean nis2TrustService, String mdrCase) implements Step {

        public static final String EVENT = "regime_started";
    }

    /**
     * A stage of a regime submitted (mailed by aiact-ops or through the authority's portal) or decided;
     * {@code late} when after its due date, with the reasons given.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegimeStageRecorded(String incidentId, String event, String regime, String stage, String outcome,
            String channel, String portalReference, String submittedAt, String dueAt, Boolean late, String reason)
            implements Step {

        public static final String EVENT = "regime_stage_recorded";
    }

    /** A regime's reporting ended: {@code finished} when its last stage was recorded, {@code waived} with the reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegimeFinished(String incidentId, String event, String regime, String waiveReason) implements Step {

        public static final String FINISHED = "regime_finished";
        public static final String WAIVED = "regime_waived";
    }

    /** One regime stage's report mailed to that regime's recipient (event type {@code report_sent}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegimeReportSent(String incidentId, String regime, String stage, String memberState, String recipient,
            String sentAt, String messageId, String sha256, String htmlSha256) {
    }
}
