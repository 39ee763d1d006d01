package io.aiactops.maintenance;

/** The {@code corrective-action} process: its key, element ids and messages (processes/corrective-action.bpmn). */
public final class CorrectiveActionProcess {

    public static final String KEY = "corrective-action";

    public static final String TASK_OPEN = "Task_OpenCorrectiveAction";
    public static final String TASK_DECIDE = "Task_DecideCorrectiveAction";
    public static final String EVENT_NEW_VERSION_ACTIVE = "Event_NewVersionActivated";
    public static final String EVENT_VERIFICATION_WINDOW_OVER = "Event_VerificationWindowOver";
    public static final String TASK_VERIFY_EFFECTIVENESS = "Task_VerifyEffectiveness";
    public static final String TASK_TAKE_SYSTEM_OUT_OF_SERVICE = "Task_TakeSystemOutOfService";
    public static final String TASK_INFORM_OPERATORS = "Task_InformOperators";
    public static final String TASK_AWAIT_ACKNOWLEDGEMENTS = "Task_AwaitRecallAcknowledgements";
    public static final String BOUNDARY_ACKNOWLEDGEMENT_REMINDER = "BoundaryEvent_AcknowledgementReminder";
    public static final String TASK_REMIND_DEPLOYERS = "Task_RemindDeployers";

    /** The start message a {@code CorrectiveActionRequested} event is handed over with ({@link CorrectiveActionRequestCorrelation}). */
    public static final String MESSAGE_REQUESTED = "CorrectiveActionRequested";
    /** A new version of the system passed the deployment gate and is active. */
    public static final String MESSAGE_MODEL_VERSION_ACTIVATED = "ModelVersionActivated";
    /** Every deployer acknowledged the recall. */
    public static final String MESSAGE_RECALL_ACKNOWLEDGED = "RecallAcknowledged";

    private CorrectiveActionProcess() {
    }
}
