package io.aiactops.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A corrective-action case as the API shows it. */
public record CorrectiveAction(String id, String aiSystemId, String reason, String origin, String reference,
        String authorityMemberState, String authorityReference, Instant orderedAt, Integer authorityPeriodDays,
        LocalDate dueLastDay, Instant dueAt, String action, String rationale, Boolean presentsRisk, Instant decidedAt,
        String decidedBy, Boolean effective, String status, String processInstanceId, List<Recipient> recipients,
        Instant createdAt, String createdBy, Instant closedAt, String closedBy, String closeReason) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** An operator informed of the decision (Art. 20), and whether it acknowledged. */
    public record Recipient(String role, String name, String email, Instant attemptedAt, Instant sentAt, String failure,
            Instant acknowledgedAt) {
    }
}
