package io.aiactops.maintenance;

import java.time.Instant;
import java.util.List;

import io.aiactops.notification.TrackedRecipients;

/**
 * One version of a system's instructions for use: the Art. 13(3) information that maintenance
 * changes, its change log, and each deployer's receipt and acknowledgement of it.
 */
public record InstructionsForUse(String aiSystemId, int version, String accuracy, String robustness, String knownRisks,
        String predeterminedChanges, String oversightMeasures, String maintenanceMeasures, String logMechanisms,
        String changeLog, Instant publishedAt, String publishedBy, List<Deployer> deployers) {

    /** A deployer the version was sent to. */
    public record Deployer(String name, String email, Instant sentAt, String failure, Instant acknowledgedAt) {

        static Deployer of(TrackedRecipients.Tracked tracked) {
            return new Deployer(tracked.name(), tracked.email(), tracked.sentAt(), tracked.failure(), tracked.acknowledgedAt());
        }
    }

    /** The subject of its mails in the tracked recipients. */
    static String subject(String aiSystemId, int version) {
        return "IFU:" + aiSystemId + ":" + version;
    }
}
