package io.aiactops.maintenance;

import java.util.HashMap;
import java.util.Map;

import io.aiactops.platform.process.ProcessVariable;

/** The variables of {@code instructions-distribution}: which version of whose instructions, and the reminder cycle. */
public final class InstructionsDistributionVariables {

    public static final ProcessVariable<String> AI_SYSTEM_ID = ProcessVariable.of("aiSystemId", String.class);
    public static final ProcessVariable<Long> VERSION = ProcessVariable.of("version", Long.class);
    /** ISO-8601 repeating interval of the reminders, e.g. R10/P7D. */
    public static final ProcessVariable<String> REMINDER_CYCLE = ProcessVariable.of("reminderCycle", String.class);

    private InstructionsDistributionVariables() {
    }

    public static Map<String, Object> start(String aiSystemId, int version, String reminderCycle) {
        Map<String, Object> variables = new HashMap<>();
        AI_SYSTEM_ID.put(variables, aiSystemId);
        VERSION.put(variables, (long) version);
        REMINDER_CYCLE.put(variables, reminderCycle);
        return variables;
    }
}
