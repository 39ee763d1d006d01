package io.aiactops.logs;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a register event records; the wire name is the {@code type} field of the API and the hash. */
public enum LogEventType {
    /** One use of the system: input reference, output, confidence (Art. 12(3)). */
    INFERENCE,
    MONITORING_SIGNAL,
    THRESHOLD_BREACH,
    OVERSIGHT_ACTION("a human overseer's decision on a review in Tasklist"),
    SYSTEM_STOPPED("the stop button, POST /api/systems/{id}/stop"),
    SYSTEM_RESUMED("the resume task of the stop in Tasklist"),
    /** The serving layer confirmed that a stopped system is in its safe state. */
    SAFE_STATE_CONFIRMED("POST /api/systems/{id}/operational-status/confirmations"),
    MODEL_VERSION_CHANGED("the deployment gate, POST /api/systems/{id}/model-versions"),
    CONFIGURATION_CHANGED("the registry, when a system is registered or changed"),
    INCIDENT("the serious-incident cases (POST /api/incidents, Tasklist)"),
    REPORT_SENT("sending a report to its authority from the incident case"),
    DEPLOYER_REPORT,
    EVIDENCE_HOLD_PLACED("POST /api/systems/{id}/holds"),
    EVIDENCE_HOLD_RELEASED("POST /api/systems/{id}/holds/{holdId}/release"),
    RETENTION_PURGED("the retention purge"),
    /** A corrective action's request, decision, information of operators and outcome (Art. 20). */
    CORRECTIVE_ACTION("the corrective-action process"),
    /** A new version of the instructions for use, and each deployer's acknowledgement of it (Art. 13). */
    INSTRUCTIONS_FOR_USE("publishing the instructions for use and the deployers' acknowledgements"),
    /** A signed post-market review report (Art. 72): its period, sign-off and the SHA-256 of its frozen JSON. */
    POST_MARKET_REPORT("the sign-off of a post-market review"),
    /** The scheduled verification found this chain broken: where, and why (docs/log-register.md). */
    CHAIN_VERIFICATION_FAILED("the daily verification of the chain"),
    CUSTOM;

    /**
     * Where aiact-ops records this type itself, as what it did (a stop, a hold, a purge): such events come
     * only from there, never from a client's append, so that the register's account of aiact-ops's own
     * acts cannot be written by anyone else. {@code null}: a type clients append.
     */
    private final String recordedBy;

    LogEventType() {
        this(null);
    }

    LogEventType(String recordedBy) {
        this.recordedBy = recordedBy;
    }

    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    private static final Map<String, LogEventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(LogEventType::wireName, Function.identity()));

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The type with this wire name, or {@code null}. */
    public static LogEventType fromWireName(String wireName) {
        return BY_WIRE_NAME.get(wireName);
    }

    /** Where aiact-ops records this type itself, or {@code null} for a type clients append. */
    String recordedBy() {
        return recordedBy;
    }

    static String wireNames() {
        return Arrays.stream(values()).map(LogEventType::wireName).collect(Collectors.joining(", "));
    }

    /** The types a client may append. */
    static String appendableWireNames() {
        return Arrays.stream(values()).filter(type -> type.recordedBy == null).map(LogEventType::wireName)
                .collect(Collectors.joining(", "));
    }
}
