package io.aiactops.maintenance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.correctiveaction.CorrectiveActionRequested;
import io.aiactops.platform.process.ProcessVariable;
import io.aiactops.platform.web.InvalidFieldException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code corrective-action}. The case lives in our tables ({@link CorrectiveActions});
 * the process holds its id, what its forms show and edit, and the dates its timers and tasks read.
 */
public final class CorrectiveActionVariables {

    // The request: the API sets these, and so does a CorrectiveActionRequested event (start message).
    public static final ProcessVariable<String> AI_SYSTEM_ID = ProcessVariable.of("aiSystemId", String.class);
    public static final ProcessVariable<String> REASON = ProcessVariable.of("reason", String.class);
    public static final ProcessVariable<String> ORIGIN = ProcessVariable.of("origin", String.class);
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.of("reference", String.class);
    public static final ProcessVariable<String> AUTHORITY_MEMBER_STATE = ProcessVariable.of("authorityMemberState", String.class);
    public static final ProcessVariable<String> AUTHORITY_REFERENCE = ProcessVariable.of("authorityReference", String.class);
    public static final ProcessVariable<String> ORDERED_AT = ProcessVariable.of("orderedAt", String.class);
    public static final ProcessVariable<Long> AUTHORITY_PERIOD_DAYS = ProcessVariable.of("authorityPeriodDays", Long.class);
    public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.of("requestedBy", String.class);

    public static final ProcessVariable<String> CORRECTIVE_ACTION_ID = ProcessVariable.of("correctiveActionId", String.class);
    /** Set for an authority order (Art. 79(2)); the decision task's due date. */
    public static final ProcessVariable<Date> DUE_AT = ProcessVariable.of("dueAt", Date.class);
    /** The same due time in words, in the ordering Member State's time, for the form. */
    public static final ProcessVariable<String> DUE_IN_WORDS = ProcessVariable.of("dueInWords", String.class);
    /** ISO-8601 duration the verification timer waits after the new version is active. */
    public static final ProcessVariable<String> VERIFICATION_WINDOW = ProcessVariable.of("verificationWindow", String.class);

    // Decide corrective action
    public static final ProcessVariable<String> ACTION = ProcessVariable.of("action", String.class);
    public static final ProcessVariable<String> RATIONALE = ProcessVariable.of("rationale", String.class);
    public static final ProcessVariable<Boolean> PRESENTS_RISK = ProcessVariable.of("presentsRisk", Boolean.class);
    public static final ProcessVariable<String> DECIDED_BY = ProcessVariable.of("decidedBy", String.class);

    // A new version passed the gate (message), and its verification
    public static final ProcessVariable<String> ACTIVATED_VERSION = ProcessVariable.of("activatedVersion", String.class);
    public static final ProcessVariable<String> ACTIVATED_AT = ProcessVariable.of("activatedAt", String.class);
    public static final ProcessVariable<String> KPI_SUMMARY = ProcessVariable.of("kpiSummary", String.class);
    /** "yes" or "no", as the form's radio gives it. */
    public static final ProcessVariable<String> EFFECTIVE = ProcessVariable.of("effective", String.class);
    public static final ProcessVariable<String> EFFECTIVENESS_NOTES = ProcessVariable.of("effectivenessNotes", String.class);
    public static final ProcessVariable<String> VERIFIED_BY = ProcessVariable.of("verifiedBy", String.class);

    private CorrectiveActionVariables() {
    }

    /** The variables a corrective action starts with. */
    public static Map<String, Object> start(NewCorrectiveAction request, String requestedBy) {
        Map<String, Object> variables = new HashMap<>();
        AI_SYSTEM_ID.put(variables, request.aiSystemId());
        REASON.put(variables, request.reason());
        ORIGIN.put(variables, request.origin().wireName());
        REFERENCE.put(variables, request.reference());
        REQUESTED_BY.put(variables, requestedBy);
        NewCorrectiveAction.AuthorityOrder order = request.order();
        if (order != null) {
            AUTHORITY_MEMBER_STATE.put(variables, order.memberState());
            AUTHORITY_REFERENCE.put(variables, order.reference());
            ORDERED_AT.put(variables, order.orderedAt().toString());
            AUTHORITY_PERIOD_DAYS.put(variables, order.periodDays() == null ? null : order.periodDays().longValue());
        }
        return variables;
    }

    /** The variables of the start message a {@link CorrectiveActionRequested} event hands over. */
    public static Map<String, Object> handedOver(CorrectiveActionRequested request) {
        Map<String, Object> variables = new HashMap<>();
        AI_SYSTEM_ID.put(variables, request.aiSystemId());
        REASON.put(variables, request.reason());
        ORIGIN.put(variables, request.origin().wireName());
        REFERENCE.put(variables, request.reference());
        REQUESTED_BY.put(variables, request.requestedBy());
        return variables;
    }

    /** The request the start variables describe. */
    public static NewCorrectiveAction request(VariableScope scope) {
        String originName = ORIGIN.from(scope);
        CorrectiveActionOrigin origin = originName == null ? CorrectiveActionOrigin.API : CorrectiveActionOrigin.fromWireName(originName);
        if (origin == null) {
            throw new InvalidFieldException(ORIGIN.name(), "must be one of " + CorrectiveActionOrigin.wireNames());
        }
        NewCorrectiveAction.AuthorityOrder order = null;
        if (AUTHORITY_MEMBER_STATE.from(scope) != null) {
            Long period = AUTHORITY_PERIOD_DAYS.from(scope);
            order = new NewCorrectiveAction.AuthorityOrder(AUTHORITY_MEMBER_STATE.from(scope), AUTHORITY_REFERENCE.from(scope),
                    instant(ORDERED_AT.name(), ORDERED_AT.from(scope)), period == null ? null : period.intValue());
        }
        return new NewCorrectiveAction(AI_SYSTEM_ID.from(scope), REASON.from(scope), origin, REFERENCE.from(scope), order);
    }

    /** The message variables of an activated version. */
    public static Map<String, Object> activated(String version, Instant at) {
        Map<String, Object> variables = new HashMap<>();
        ACTIVATED_VERSION.put(variables, version);
        ACTIVATED_AT.put(variables, at.toString());
        return variables;
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00Z");
        }
    }
}
