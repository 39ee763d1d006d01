package io.aiactops.regimes;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a regime's clocks count from, for one incident: the moment of awareness under that regime (it may
 * differ from the AI Act's), the facts a regime's rule depends on, and the recorded submission of each
 * stage so far. Absent facts are {@code null}: a clock that needs one is waiting for it.
 *
 * @param awareAt when the entity became aware of the incident in the sense of this regime
 * @param doraClassifiedAt DORA: when the incident was classified as major
 * @param doraWeekendRelief DORA RTS 5(4): the entity may move a limit falling on a weekend or bank holiday
 *        (not credit institutions, central counterparties, trading venues, NIS2 essential or important entities)
 * @param nis2TrustService NIS2 23(4)(b): a trust service provider, for an incident affecting its trust services
 * @param nis2IntermediateRequest NIS2 23(4)(c): the authority's request for an intermediate report
 * @param nis2HandledAt NIS2 23(4)(e): when an incident still ongoing at the final report was handled
 * @param mdrCase MDR: which case of Art. 87 applies
 * @param submittedAt the latest recorded submission (or portal submission, or decision) of each stage
 */
public record RegimeFacts(Instant awareAt, Instant doraClassifiedAt, boolean doraWeekendRelief, boolean nis2TrustService,
        AuthorityRequest nis2IntermediateRequest, Instant nis2HandledAt, MdrCase mdrCase,
        Map<RegimeStage, Instant> submittedAt) {

    /** An authority's request for a report, with the due date the request sets. */
    public record AuthorityRequest(Instant requestedAt, Instant dueAt) {

        public AuthorityRequest {
            if (!dueAt.isAfter(requestedAt)) {
                throw new IllegalArgumentException("the requested report is due after the request: " + dueAt);
            }
        }
    }

    public RegimeFacts {
        if (awareAt == null) {
            throw new IllegalArgumentException("every regime's clock counts from the moment of awareness: it is missing");
        }
        if (doraClassifiedAt != null && doraClassifiedAt.isBefore(awareAt)) {
            throw new IllegalArgumentException("the DORA classification as major (" + doraClassifiedAt
                    + ") is before awareness (" + awareAt + ")");
        }
        submittedAt = submittedAt.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(submittedAt));
    }

    public static RegimeFacts awareAt(Instant awareAt) {
        return new RegimeFacts(awareAt, null, false, false, null, null, null, Map.of());
    }

    public RegimeFacts withDoraClassifiedAt(Instant classifiedAt) {
        return new RegimeFacts(awareAt, classifiedAt, doraWeekendRelief, nis2TrustService, nis2IntermediateRequest,
                nis2HandledAt, mdrCase, submittedAt);
    }

    public RegimeFacts withDoraWeekendRelief() {
        return new RegimeFacts(awareAt, doraClassifiedAt, true, nis2TrustService, nis2IntermediateRequest,
                nis2HandledAt, mdrCase, submittedAt);
    }

    public RegimeFacts withNis2TrustService() {
        return new RegimeFacts(awareAt, doraClassifiedAt, doraWeekendRelief, true, nis2IntermediateRequest,
                nis2HandledAt, mdrCase, submittedAt);
    }

    public RegimeFacts withNis2IntermediateRequest(Instant requestedAt, Instant dueAt) {
        return new RegimeFacts(awareAt, doraClassifiedAt, doraWeekendRelief, nis2TrustService,
                new AuthorityRequest(requestedAt, dueAt), nis2HandledAt, mdrCase, submittedAt);
    }

    public RegimeFacts withNis2HandledAt(Instant handledAt) {
        return new RegimeFacts(awareAt, doraClassifiedAt, doraWeekendRelief, nis2TrustService, nis2IntermediateRequest,
                handledAt, mdrCase, submittedAt);
    }

    public RegimeFacts withMdrCase(MdrCase mdrCase) {
        return new RegimeFacts(awareAt, doraClassifiedAt, doraWeekendRelief, nis2TrustService, nis2IntermediateRequest,
                nis2HandledAt, mdrCase, submittedAt);
    }

    /** The facts once {@code stage} has been submitted at {@code at}; a later submission replaces an earlier one. */
    public RegimeFacts withSubmission(RegimeStage stage, Instant at) {
        Map<RegimeStage, Instant> submissions = new EnumMap<>(RegimeStage.class);
        submissions.putAll(submittedAt);
        submissions.put(stage, at);
        return new RegimeFacts(awareAt, doraClassifiedAt, doraWeekendRelief, nis2TrustService, nis2IntermediateRequest,
                nis2HandledAt, mdrCase, submissions);
    }

    Instant submitted(RegimeStage stage) {
        return submittedAt.get(stage);
    }
}
