package io.aiactops.incidents;

import io.aiactops.regimes.RegimeStage;

/** The {@code regime-reporting} process: its key and element ids (processes/regime-reporting.bpmn). */
public final class RegimeReportingProcess {

    public static final String KEY = "regime-reporting";

    public static final String TASK_DECIDE_GDPR_DATA_SUBJECTS = "Task_SubmitGdprDataSubjects";
    public static final String TASK_RECORD_NIS2_INCIDENT_HANDLED = "Task_RecordNis2IncidentHandled";
    public static final String TASK_TELL_CASE_REGIME_FINISHED = "Task_TellCaseRegimeFinished";
    public static final String END_REGIME_FINISHED = "EndEvent_RegimeFinished";
    public static final String END_REGIME_WAIVED = "EndEvent_RegimeWaived";

    /** The incident manager waived the regime: its reporting ends wherever it stands. */
    public static final String MESSAGE_REGIME_WAIVED = "RegimeWaived";

    private RegimeReportingProcess() {
    }

    /** The user task of a stage, e.g. {@code Task_SubmitDoraInitialNotification}. */
    public static String submitTask(RegimeStage stage) {
        return "Task_Submit" + elementName(stage);
    }

    /** The task that mails a stage's reports, e.g. {@code Task_SendDoraInitialNotification}. */
    public static String sendTask(RegimeStage stage) {
        return "Task_Send" + elementName(stage);
    }

    /** The half-way reminder timer on a stage's task. */
    public static String reminderTimer(RegimeStage stage) {
        return "BoundaryEvent_" + elementName(stage) + "Reminder";
    }

    /** The deadline timer on a stage's task. */
    public static String deadlineTimer(RegimeStage stage) {
        return "BoundaryEvent_" + elementName(stage) + "Due";
    }

    public static String reminderEnd(RegimeStage stage) {
        return "EndEvent_" + elementName(stage) + "Reminded";
    }

    public static String escalationEnd(RegimeStage stage) {
        return "EndEvent_" + elementName(stage) + "Escalated";
    }

    /** The stage's part of its element ids, as a process owner reads them in Modeler. */
    static String elementName(RegimeStage stage) {
        return switch (stage) {
            case GDPR_NOTIFICATION -> "GdprNotification";
            case GDPR_DATA_SUBJECTS -> "GdprDataSubjects";
            case NIS2_EARLY_WARNING -> "Nis2EarlyWarning";
            case NIS2_NOTIFICATION -> "Nis2Notification";
            case NIS2_INTERMEDIATE -> "Nis2IntermediateReport";
            // A progress report is submitted in the final report's task, instead of the final report.
            case NIS2_PROGRESS, NIS2_FINAL -> "Nis2FinalReport";
            case DORA_INITIAL -> "DoraInitialNotification";
            case DORA_INTERMEDIATE -> "DoraIntermediateReport";
            case DORA_FINAL -> "DoraFinalReport";
            case MDR_REPORT -> "MdrReport";
            case MDR_COMPLETE -> "MdrCompleteReport";
        };
    }
}
