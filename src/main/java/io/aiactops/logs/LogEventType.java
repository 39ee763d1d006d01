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
    OVERSIGHT_ACTION,
    SYSTEM_STOPPED,
    SYSTEM_RESUMED,
    /** The serving layer confirmed that a stopped system is in its safe state. */
    SAFE_STATE_CONFIRMED,
    MODEL_VERSION_CHANGED,
    CONFIGURATION_CHANGED,
    INCIDENT,
    REPORT_SENT,
    DEPLOYER_REPORT,
    EVIDENCE_HOLD_PLACED,
    EVIDENCE_HOLD_RELEASED,
    RETENTION_PURGED,
    /** A corrective action's request, decision, information of operators and outcome (Art. 20). */
    CORRECTIVE_ACTION,
    /** A new version of the instructions for use, and each deployer's acknowledgement of it (Art. 13). */
    INSTRUCTIONS_FOR_USE,
    /** A signed post-market review report (Art. 72): its period, sign-off and the SHA-256 of its frozen JSON. */
    POST_MARKET_REPORT,
    /** The scheduled verification found this chain broken: where, and why (docs/log-register.md). */
    CHAIN_VERIFICATION_FAILED,
    CUSTOM;

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

    static String wireNames() {
        return Arrays.stream(values()).map(LogEventType::wireName).collect(Collectors.joining(", "));
    }
}
