package io.aiactops.oversight;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the register keeps of an overseer's decision on a review (event type {@code oversight_action}).
 * Hashed into the chain for ever: a field is never renamed and an absent value is left out, as it always
 * was ({@code OversightDecisionRecordedTest} pins it). Readers (post-market reviews) read old events with it.
 *
 * @param review the review's business key ({@code <system>/<metric>})
 * @param reviewId the review's process instance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OversightDecisionRecorded(String action, String review, String reviewId, String metric, String severity,
        Double latestValue, Long breachCount, String decision, String reason, String followUpAt) {

    /** The {@code action} of a review's decision; other oversight actions carry no decision. */
    public static final String REVIEW_DECISION = "review_decision";
}
