package io.aiactops.deployment;

/** The {@code model-deployment} process: its key, element ids and errors (processes/model-deployment.bpmn). */
public final class ModelDeploymentProcess {

    public static final String KEY = "model-deployment";

    public static final String TASK_COMPLETE_EVIDENCE = "Task_CompleteEvidence";
    public static final String TASK_ASSESS_CHANGE = "Task_AssessChange";
    public static final String TASK_ARRANGE_CONFORMITY_ASSESSMENT = "Task_ArrangeConformityAssessment";
    public static final String TASK_REVIEW_RELEASE = "Task_ReviewRelease";
    public static final String TASK_NOTIFY_REQUESTER = "Task_NotifyRequester";
    public static final String TASK_ACTIVATE_VERSION = "Task_ActivateModelVersion";
    public static final String BOUNDARY_SYSTEM_HELD = "BoundaryEvent_SystemHeld";
    public static final String EVENT_HOLD_RECHECK = "Event_HoldRecheckDue";
    public static final String TASK_NOTIFY_DEPLOYERS = "Task_NotifyDeployers";
    public static final String END_VERSION_ACTIVE = "EndEvent_VersionActive";
    public static final String END_REJECTED = "EndEvent_ReleaseRejected";
    public static final String END_CONFORMITY_REQUIRED = "EndEvent_ConformityAssessmentRequired";

    /** Activation refused while the system is under an evidence hold: the gate waits and checks again. */
    public static final String ERROR_SYSTEM_HELD = "SYSTEM_UNDER_EVIDENCE_HOLD";

    /** Values of {@code evidenceStatus} and {@code changeAssessment} that the gateways test. */
    public static final String EVIDENCE_COMPLETE = "complete";
    public static final String EVIDENCE_INCOMPLETE = "incomplete";
    public static final String EVIDENCE_CI_FAILED = "ci-failed";
    public static final String WITHIN_PREDETERMINED_CHANGES = "within-predetermined-changes";
    public static final String SUBSTANTIAL_MODIFICATION = "substantial-modification";
    public static final String GO = "go";
    public static final String NO_GO = "no-go";

    private ModelDeploymentProcess() {
    }

    /** One gate per version: the business key that names the release its tasks are about. */
    public static String businessKey(String systemId, String version) {
        return systemId + ":" + version;
    }
}
