package io.aiactops.correctiveaction;

import java.util.Objects;

/**
 * A capability asks for a corrective action on an AI system: a serious incident, an overseer's review,
 * a post-market review. Published as a Spring event from inside the requesting step; {@code maintenance}
 * starts a {@code corrective-action} case from it in the same transaction, so that the request and the
 * case commit together or not at all. The API and authority orders start the process directly.
 *
 * @param reference what the request comes from: the incident case id, the review's business key, the
 *     post-market report id
 * @param requestedBy the person who asked for it
 */
public record CorrectiveActionRequested(String aiSystemId, String reason, CorrectiveActionOrigin origin, String reference,
        String requestedBy) {

    public CorrectiveActionRequested {
        Objects.requireNonNull(aiSystemId, "aiSystemId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
