package io.aiactops.incidents;

import java.time.Instant;

import io.aiactops.regimes.RegimeStage;

/**
 * A stage of a regime as the incident manager submitted or decided it. {@code submittedAt} is the time a
 * portal submission or a decision was made; {@code null} means now (a report mailed by aiact-ops).
 * {@code reason} is what the outcome needs: the reasons for a late submission, why no notification is
 * needed (GDPR 33(5)), or the exception of GDPR 34(3) used.
 */
public record RegimeSubmission(RegimeStage stage, Outcome outcome, boolean throughPortal, String portalReference,
        Instant submittedAt, String reason, Content content) {

    public enum Outcome {
        /** The report was submitted (complete, for MDR). */
        SUBMITTED,
        /** MDR 87(6): an incomplete initial report; the complete report follows. */
        INCOMPLETE,
        /** GDPR 33(1): no notification, the breach being unlikely to result in a risk. */
        NOT_NEEDED,
        /** GDPR 34: the data subjects were told. */
        TOLD,
        /** GDPR 34(3): the data subjects were not told, under an exception. */
        NOT_TOLD;

        /** Whether aiact-ops renders a report for the authority (a decision is recorded, not reported). */
        boolean reported() {
            return this == SUBMITTED || this == INCOMPLETE;
        }
    }

    /** The stage's report in words; which fields a regime and stage ask for is in docs/processes/regime-reporting.md. */
    public record Content(String summary, String impact, String measuresTaken, String rootCause,
            String classificationCriteria, String contact) {
    }

    /** How it reached the authority: mailed by aiact-ops, through the authority's portal, or no report (a decision). */
    String channel() {
        return !outcome.reported() ? "DECISION" : throughPortal ? "PORTAL" : "MAIL";
    }
}
