package io.aiactops.oversight;

/** The {@code system-stop} process: stop at once, await the safe state, resume by another person. */
public final class SystemStopProcess {

    public static final String KEY = "system-stop";

    public static final String TASK_SUSPEND_SYSTEM = "Task_SuspendSystem";
    public static final String TASK_CALL_STOP_WEBHOOK = "Task_CallStopWebhook";
    public static final String GATEWAY_AWAIT_SAFE_STATE = "Gateway_AwaitSafeState";
    public static final String EVENT_CONFIRMATION_OVERDUE = "Event_ConfirmationOverdue";
    public static final String TASK_ESCALATE_MISSING_CONFIRMATION = "Task_EscalateMissingConfirmation";
    public static final String TASK_RESUME_SYSTEM = "Task_ResumeSystem";
    public static final String END_SYSTEM_RESUMED = "EndEvent_SystemResumed";

    /** The serving layer confirmed its safe state. */
    public static final String MESSAGE_SAFE_STATE_CONFIRMED = "SafeStateConfirmed";

    private SystemStopProcess() {
    }

    /** A stop is of one system: the business key that names the system its resume is about. */
    public static String businessKey(String aiSystemId) {
        return aiSystemId;
    }
}
