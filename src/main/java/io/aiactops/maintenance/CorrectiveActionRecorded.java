package io.aiactops.maintenance;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the register keeps of a corrective-action case (event type {@code corrective_action}), one event
 * per step, named by {@code event}: requested, decided, acknowledged, verified_effective or
 * verified_not_effective, closed. Hashed into the chain for ever: a field is never renamed and an
 * absent value is left out, as it always was ({@code CorrectiveActionRecordedTest} pins each step).
 * Readers (post-market reviews) read old events with it; a step has only its own fields.
 *
 * @param authority the ordering authority, "{@code <Member State> <reference>}", for an authority's order
 * @param kpis per metric, the KPIs before and after the new version ({@link EffectivenessKpis.MetricKpi})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CorrectiveActionRecorded(String correctiveActionId, String event, String origin, String reason,
        String reference, String authority, String dueAt, String action, String rationale, Boolean presentsRisk,
        String notes, Map<String, Object> kpis, String recipient) {

    static CorrectiveActionRecorded requested(String id, String origin, String reason, String reference, String authority,
            String dueAt) {
        return new CorrectiveActionRecorded(id, "requested", origin, reason, reference, authority, dueAt, null, null, null, null,
                null, null);
    }

    static CorrectiveActionRecorded decided(String id, String action, String rationale, boolean presentsRisk) {
        return new CorrectiveActionRecorded(id, "decided", null, null, null, null, null, action, rationale, presentsRisk, null,
                null, null);
    }

    static CorrectiveActionRecorded verified(String id, boolean effective, String notes, Map<String, Object> kpis) {
        return new CorrectiveActionRecorded(id, effective ? "verified_effective" : "verified_not_effective", null, null, null,
                null, null, null, null, null, notes, kpis, null);
    }

    static CorrectiveActionRecorded acknowledged(String id, String recipient) {
        return new CorrectiveActionRecorded(id, "acknowledged", null, null, null, null, null, null, null, null, null, null,
                recipient);
    }

    static CorrectiveActionRecorded closed(String id, String reason) {
        return new CorrectiveActionRecorded(id, "closed", null, reason, null, null, null, null, null, null, null, null, null);
    }
}
