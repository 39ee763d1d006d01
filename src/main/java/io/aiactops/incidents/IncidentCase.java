package io.aiactops.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.aiactops.logs.EvidenceHold;

/**
 * A serious-incident case as incident managers and the API see it. {@code deadlines} are per Member
 * State, nominal and adjusted (Regulation 1182/71), each also in the Member State's local time;
 * {@code deadlineAt} is the earliest adjusted one, the one the first report must meet.
 */
public record IncidentCase(
        String id,
        String aiSystemId,
        String status,
        String outcome,
        String description,
        Instant occurredAt,
        Instant awareAt,
        String reporter,
        String reporterContact,
        long personsAffected,
        String deployerReference,
        String origin,
        Instant providerInformedAt,
        List<String> memberStates,
        ClassificationView classification,
        String reportingPeriod,
        List<DeadlineView> deadlines,
        Instant deadlineAt,
        Instant firstReportSentAt,
        List<ReportView> reports,
        List<NotificationView> notifications,
        List<EvidenceHold> holds,
        String processInstanceId,
        Instant createdAt,
        String createdBy,
        Instant closedAt,
        String closedBy,
        String closeReason) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** Whether the Art. 73 clock still runs: reportable, and no report sent yet. */
    public boolean awaitingFirstReport() {
        return open() && deadlineAt != null && firstReportSentAt == null;
    }

    public record ClassificationView(boolean serious, Set<String> harms, boolean widespread, String causalLink,
            Instant causalLinkAt, Set<String> otherRegimes, String rationale, Instant classifiedAt, String classifiedBy) {
    }

    /**
     * {@code *EndsAtLocal}: the same instant in the Member State's time, e.g. 2026-12-11T00:00+01:00;
     * {@code *EndsInWords}: as a person reads it, "end of Thursday 10 December 2026, Europe/Paris (23:00 UTC)".
     */
    public record DeadlineView(String memberState, String timeZone, LocalDate nominalLastDay, Instant nominalEndsAt,
            String nominalEndsAtLocal, String nominalEndsInWords, LocalDate adjustedLastDay, Instant adjustedEndsAt,
            String adjustedEndsAtLocal, String adjustedEndsInWords, String adjustment) {
    }

    public record ReportView(long id, int reportNumber, String reportType, String memberState, String recipient,
            String sha256, String htmlSha256, Instant preparedAt, String preparedBy, Instant sentAt, String messageId) {
    }

    public record NotificationView(String role, String name, String email, Instant attemptedAt, Instant sentAt,
            String failure) {
    }
}
