package io.aiactops.incidents;

/** The {@code serious-incident} process: its key, element ids and messages (processes/serious-incident.bpmn). */
public final class SeriousIncidentProcess {

    public static final String KEY = "serious-incident";

    public static final String TASK_CLASSIFY = "Task_ClassifyIncident";
    public static final String TASK_RECORD_NOT_REPORTABLE = "Task_RecordNotReportable";
    public static final String TASK_PLACE_EVIDENCE_HOLD = "Task_PlaceEvidenceHold";
    public static final String TASK_PREPARE_FIRST_REPORT = "Task_PrepareFirstReport";
    public static final String TASK_SEND_FIRST_REPORT = "Task_SendFirstReport";
    public static final String BOUNDARY_FIRST_REMINDER = "BoundaryEvent_FirstReminder";
    public static final String BOUNDARY_SECOND_REMINDER = "BoundaryEvent_SecondReminder";
    public static final String BOUNDARY_DEADLINE_REACHED = "BoundaryEvent_DeadlineReached";
    public static final String TASK_SEND_FIRST_REMINDER = "Task_SendFirstReminder";
    public static final String TASK_SEND_SECOND_REMINDER = "Task_SendSecondReminder";
    public static final String TASK_ESCALATE_DEADLINE = "Task_EscalateMissedDeadline";
    public static final String TASK_INFORM_OPERATORS = "Task_InformOperators";
    public static final String TASK_INVESTIGATE_ROOT_CAUSE = "Task_InvestigateRootCause";
    public static final String TASK_REVIEW_RISK_ASSESSMENT = "Task_ReviewRiskAssessment";
    public static final String TASK_PREPARE_NEXT_REPORT = "Task_PrepareNextReport";
    public static final String TASK_SEND_NEXT_REPORT = "Task_SendNextReport";
    public static final String TASK_REQUEST_CORRECTIVE_ACTION = "Task_RequestCorrectiveAction";
    public static final String TASK_START_REGIME_REPORTING = "Task_StartRegimeReporting";
    public static final String TASK_CHECK_OTHER_REGIMES = "Task_CheckOtherRegimes";
    public static final String GATEWAY_WAIT_FOR_OTHER_REGIMES = "Gateway_WaitForOtherRegimes";
    public static final String CATCH_CHECK_AGAIN = "IntermediateCatchEvent_CheckRegimesAgain";
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    public static final String END_REMINDER_SENT = "EndEvent_FirstReminderSent";
    public static final String END_SECOND_REMINDER_SENT = "EndEvent_SecondReminderSent";
    public static final String END_DEADLINE_ESCALATED = "EndEvent_DeadlineEscalated";

    /** Every regime the case started beside Art. 73 is finished or waived; sent to the case by its business key. */
    public static final String MESSAGE_OTHER_REGIMES_FINISHED = "OtherRegimesFinished";

    private SeriousIncidentProcess() {
    }
}
