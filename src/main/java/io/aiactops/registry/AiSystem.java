package io.aiactops.registry;

import java.time.Instant;
import java.util.List;

/** A registered high-risk AI system as the API shows it. */
public record AiSystem(
        String id,
        String name,
        String intendedPurpose,
        String knownLimitations,
        String providerName,
        String providerContact,
        String annexIIICategory,
        String euDatabaseId,
        List<String> memberStates,
        List<Deployer> deployers,
        boolean sectoralRegime,
        int logRetentionDays,
        SystemStatus status,
        String statusReason,
        Instant statusChangedAt,
        String statusChangedBy,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** Whether the system may operate: its serving layer must not serve while this is false. */
    public boolean operational() {
        return status == SystemStatus.ACTIVE;
    }

    AiSystem withStatus(SystemStatus newStatus, String reason, Instant at, String by) {
        return new AiSystem(id, name, intendedPurpose, knownLimitations, providerName, providerContact, annexIIICategory,
                euDatabaseId, memberStates, deployers, sectoralRegime, logRetentionDays, newStatus, reason, at, by,
                createdAt, createdBy, at, by);
    }

    /** The editable part, as registered or last patched. */
    AiSystemDetails details() {
        return new AiSystemDetails(id, name, intendedPurpose, knownLimitations, providerName, providerContact, annexIIICategory,
                euDatabaseId, memberStates, deployers, sectoralRegime, logRetentionDays, status);
    }
}
