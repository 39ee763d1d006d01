package io.aiactops.maintenance;

/** The {@code post-market-review} process: its key and element ids (processes/post-market-review.bpmn). */
public final class PostMarketReviewProcess {

    public static final String KEY = "post-market-review";

    public static final String TASK_COMPILE_REPORT = "Task_CompileReport";
    public static final String TASK_REVIEW_REPORT = "Task_ReviewReport";
    public static final String TASK_REQUEST_CORRECTIVE_ACTION = "Task_RequestCorrectiveAction";
    public static final String END_SIGNED_OFF = "EndEvent_ReportSignedOff";
    public static final String END_CORRECTIVE_ACTION_REQUESTED = "EndEvent_CorrectiveActionRequested";

    /**
     * The start message of one review; a process cannot have a none start event next to a timer start
     * event, so the starter starts each review by this message.
     */
    public static final String MESSAGE_REVIEW_REQUESTED = "PostMarketReviewRequested";

    private PostMarketReviewProcess() {
    }
}
