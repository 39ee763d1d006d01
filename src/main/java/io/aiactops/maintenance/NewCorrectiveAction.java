package io.aiactops.maintenance;

import java.time.Instant;

import io.aiactops.correctiveaction.CorrectiveActionOrigin;

/**
 * A request for a corrective action. {@code reference} names what it came from (an incident case,
 * a review); {@code order} is set when a market surveillance authority ordered it (Art. 79(2)).
 */
public record NewCorrectiveAction(String aiSystemId, String reason, CorrectiveActionOrigin origin, String reference,
        AuthorityOrder order) {

    /** The authority's order: where, its reference, when it was notified, and the period it set in days. */
    public record AuthorityOrder(String memberState, String reference, Instant orderedAt, Integer periodDays) {
    }
}
