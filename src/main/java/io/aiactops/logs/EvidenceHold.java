package io.aiactops.logs;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A hold on a system's evidence (Art. 73(6)): while active, the register purge skips the system and
 * other capabilities refuse changes that would alter it. {@code reference} names the cause, e.g. an
 * incident case id.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EvidenceHold(long id, String systemId, String reason, String reference, Instant placedAt,
        String placedBy, Instant releasedAt, String releasedBy, String releaseReason) {

    public boolean active() {
        return releasedAt == null;
    }

    /** How a refusal names this hold to the user. */
    public String describe() {
        return "evidence hold " + id + (reference == null ? "" : " (" + reference + ")") + ": " + reason;
    }
}
