package io.aiactops.maintenance;

import java.time.Instant;

/**
 * One post-market review of one period: OPEN until signed; then {@code frozenReport} is the exact JSON
 * text signed off and {@code sha256} its hash (over the UTF-8 bytes), also recorded in the register at
 * {@code logSeq}.
 */
public record PostMarketReport(String id, String aiSystemId, Instant periodFrom, Instant periodTo, String reviewCadence,
        String trigger, String status, String sha256, Long logSeq, SignOff signOff, String correctiveActionReason,
        Instant requestedAt, String requestedBy, String frozenReport) {

    /** Who signed the report off (user id and name), in which role, and when. */
    public record SignOff(String userId, String name, String role, Instant at) {
    }
}
