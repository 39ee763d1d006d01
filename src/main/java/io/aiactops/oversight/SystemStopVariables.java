package io.aiactops.oversight;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.aiactops.platform.process.ProcessVariable;

/** The variables of {@code system-stop}; {@code stoppedBy} is also the start event's initiator (Tasklist). */
public final class SystemStopVariables {

    public static final ProcessVariable<String> AI_SYSTEM_ID = ProcessVariable.of("aiSystemId", String.class);
    public static final ProcessVariable<String> STOP_REASON = ProcessVariable.of("stopReason", String.class);
    public static final ProcessVariable<String> STOPPED_BY = ProcessVariable.of("stoppedBy", String.class);
    public static final ProcessVariable<String> STOP_ORIGIN = ProcessVariable.of("stopOrigin", String.class);
    public static final ProcessVariable<String> STOPPED_AT = ProcessVariable.of("stoppedAt", String.class);
    public static final ProcessVariable<Date> SAFE_STATE_DUE_AT = ProcessVariable.of("safeStateDueAt", Date.class);
    public static final ProcessVariable<String> SAFE_STATE_CONFIRMED_AT = ProcessVariable.of("safeStateConfirmedAt", String.class);
    public static final ProcessVariable<String> SAFE_STATE_CONFIRMED_BY = ProcessVariable.of("safeStateConfirmedBy", String.class);
    public static final ProcessVariable<String> RESUME_REASON = ProcessVariable.of("resumeReason", String.class);
    public static final ProcessVariable<String> RESUMED_BY = ProcessVariable.of("resumedBy", String.class);

    private SystemStopVariables() {
    }

    public static Map<String, Object> start(String aiSystemId, String reason, String stoppedBy, StopOrigin origin) {
        Map<String, Object> variables = new HashMap<>();
        AI_SYSTEM_ID.put(variables, aiSystemId);
        STOP_REASON.put(variables, reason);
        STOPPED_BY.put(variables, stoppedBy);
        STOP_ORIGIN.put(variables, origin.wireName());
        return variables;
    }

    public static Map<String, Object> confirmation(String confirmedAt, String confirmedBy) {
        Map<String, Object> variables = new HashMap<>();
        SAFE_STATE_CONFIRMED_AT.put(variables, confirmedAt);
        SAFE_STATE_CONFIRMED_BY.put(variables, confirmedBy);
        return variables;
    }
}
