package io.aiactops.oversight;

/** The {@code oversight-review} process: its key, element ids and messages (processes/oversight-review.bpmn). */
public final class OversightReviewProcess {

    public static final String KEY = "oversight-review";

    public static final String TASK_REVIEW_ALERT = "Task_ReviewAlert";
    public static final String TASK_RECORD_DECISION = "Task_RecordDecision";
    public static final String TASK_STOP_SYSTEM = "Task_StopSystem";
    public static final String TASK_OPEN_INCIDENT_CASE = "Task_OpenIncidentCase";
    public static final String TASK_REQUEST_CORRECTIVE_ACTION = "Task_RequestCorrectiveAction";

    public static final String TASK_ESCALATE_OVERDUE_REVIEW = "Task_EscalateOverdueReview";
    public static final String BOUNDARY_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String GATEWAY_OVERDUE_TURNED_CRITICAL = "Gateway_OverdueTurnedCritical";
    public static final String TASK_ESCALATE_OVERDUE_CRITICAL_REVIEW = "Task_EscalateOverdueCriticalReview";
    public static final String EVENT_FOLLOW_UP_DUE = "Event_FollowUpDue";

    public static final String END_DISMISSED = "EndEvent_AlertDismissed";
    public static final String END_CORRECTIVE_ACTION_REQUESTED = "EndEvent_CorrectiveActionRequested";
    public static final String END_INCIDENT_REPORTED = "EndEvent_IncidentReported";
    public static final String END_SYSTEM_STOPPED = "EndEvent_SystemStopped";
    public static final String END_OVERDUE_ESCALATED = "EndEvent_OverdueEscalated";
    public static final String END_OVERDUE_NOTED = "EndEvent_OverdueNoted";
    public static final String END_REVIEW_UPDATED = "EndEvent_ReviewUpdated";
    public static final String END_OVERDUE_CRITICAL_ESCALATED = "EndEvent_OverdueCriticalEscalated";

    /** A new breach of a metric that already has an open review. */
    public static final String MESSAGE_BREACH_RECURRED = "BreachRecurred";
    /** The Alertmanager alert behind the review resolved; recorded, never closes the task. */
    public static final String MESSAGE_ALERT_RESOLVED = "AlertResolved";

    /** Task priorities, so that Tasklist can sort critical reviews first. */
    public static final int PRIORITY_CRITICAL = 100;
    public static final int PRIORITY_WARNING = 50;

    private OversightReviewProcess() {
    }

    public static int priority(Severity severity) {
        return severity == Severity.CRITICAL ? PRIORITY_CRITICAL : PRIORITY_WARNING;
    }

    /** One open review per system and metric: the business key that finds it. */
    public static String businessKey(String aiSystemId, String metric) {
        return aiSystemId + "/" + metric;
    }
}
