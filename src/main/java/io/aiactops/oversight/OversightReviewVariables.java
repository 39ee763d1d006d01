package io.aiactops.oversight;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.aiactops.platform.process.ProcessVariable;

/**
 * The variables of {@code oversight-review}. Instants the form shows are ISO-8601 strings; the due
 * date is a Date because the timer and the task read it. {@code incoming*} are local to the
 * correlation of a recurring breach.
 */
public final class OversightReviewVariables {

    public static final ProcessVariable<String> AI_SYSTEM_ID = ProcessVariable.of("aiSystemId", String.class);
    public static final ProcessVariable<String> METRIC = ProcessVariable.of("metric", String.class);
    public static final ProcessVariable<String> CATEGORY = ProcessVariable.of("category", String.class);
    public static final ProcessVariable<String> SEVERITY = ProcessVariable.of("severity", String.class);
    public static final ProcessVariable<String> RATIONALE = ProcessVariable.of("rationale", String.class);
    public static final ProcessVariable<Double> LATEST_VALUE = ProcessVariable.of("latestValue", Double.class);
    public static final ProcessVariable<String> MODEL_VERSION = ProcessVariable.of("modelVersion", String.class);
    public static final ProcessVariable<String> SOURCE = ProcessVariable.of("source", String.class);
    public static final ProcessVariable<String> FIRST_SEEN_AT = ProcessVariable.of("firstSeenAt", String.class);
    public static final ProcessVariable<String> LAST_SEEN_AT = ProcessVariable.of("lastSeenAt", String.class);
    public static final ProcessVariable<Long> BREACH_COUNT = ProcessVariable.of("breachCount", Long.class);
    public static final ProcessVariable<String> KNOWN_LIMITATIONS = ProcessVariable.of("knownLimitations", String.class);
    public static final ProcessVariable<Date> REVIEW_DUE_AT = ProcessVariable.of("reviewDueAt", Date.class);
    public static final ProcessVariable<Integer> REVIEW_PRIORITY = ProcessVariable.of("reviewPriority", Integer.class);
    /** Set by each recurring breach: the review was overdue as a warning and is critical now, so it escalates at once. */
    public static final ProcessVariable<Boolean> OVERDUE_TURNED_CRITICAL = ProcessVariable.of("overdueTurnedCritical", Boolean.class);
    public static final ProcessVariable<String> ALERT_RESOLVED_AT = ProcessVariable.of("alertResolvedAt", String.class);

    public static final ProcessVariable<String> DECISION = ProcessVariable.of("decision", String.class);
    public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.of("decisionReason", String.class);
    public static final ProcessVariable<String> FOLLOW_UP_AT = ProcessVariable.of("followUpAt", String.class);
    public static final ProcessVariable<String> DECIDED_BY = ProcessVariable.of("decidedBy", String.class);

    public static final ProcessVariable<Double> INCOMING_VALUE = ProcessVariable.of("incomingValue", Double.class);
    public static final ProcessVariable<String> INCOMING_SEVERITY = ProcessVariable.of("incomingSeverity", String.class);
    public static final ProcessVariable<String> INCOMING_RATIONALE = ProcessVariable.of("incomingRationale", String.class);
    public static final ProcessVariable<String> INCOMING_SEEN_AT = ProcessVariable.of("incomingSeenAt", String.class);
    public static final ProcessVariable<String> INCOMING_RESOLVED_AT = ProcessVariable.of("incomingResolvedAt", String.class);

    private OversightReviewVariables() {
    }

    /** The variables a review starts with. */
    public static Map<String, Object> start(Breach breach, String knownLimitations) {
        Map<String, Object> variables = new HashMap<>();
        AI_SYSTEM_ID.put(variables, breach.aiSystemId());
        METRIC.put(variables, breach.metric());
        CATEGORY.put(variables, breach.category());
        SEVERITY.put(variables, breach.severity().wireName());
        RATIONALE.put(variables, breach.rationale());
        LATEST_VALUE.put(variables, breach.value());
        MODEL_VERSION.put(variables, breach.modelVersion());
        SOURCE.put(variables, breach.source());
        FIRST_SEEN_AT.put(variables, shown(breach.observedAt()));
        LAST_SEEN_AT.put(variables, shown(breach.observedAt()));
        BREACH_COUNT.put(variables, 1L);
        KNOWN_LIMITATIONS.put(variables, knownLimitations == null ? "None recorded." : knownLimitations);
        return variables;
    }

    /** An instant as the form shows it: ISO-8601, to the millisecond. */
    static String shown(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The local variables of a recurring breach's correlation. */
    public static Map<String, Object> recurrence(Breach breach) {
        Map<String, Object> variables = new HashMap<>();
        INCOMING_VALUE.put(variables, breach.value());
        INCOMING_SEVERITY.put(variables, breach.severity().wireName());
        INCOMING_RATIONALE.put(variables, breach.rationale());
        INCOMING_SEEN_AT.put(variables, shown(breach.observedAt()));
        return variables;
    }
}
