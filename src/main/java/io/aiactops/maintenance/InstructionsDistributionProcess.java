package io.aiactops.maintenance;

/** The {@code instructions-distribution} process: its key, element ids and message (processes/instructions-distribution.bpmn). */
public final class InstructionsDistributionProcess {

    public static final String KEY = "instructions-distribution";

    public static final String TASK_SEND = "Task_SendInstructions";
    public static final String GATEWAY_ACKNOWLEDGED_ALREADY = "Gateway_AcknowledgedAlready";
    public static final String TASK_AWAIT_ACKNOWLEDGEMENTS = "Task_AwaitAcknowledgements";
    public static final String BOUNDARY_ACKNOWLEDGEMENT_OVERDUE = "BoundaryEvent_AcknowledgementOverdue";
    public static final String TASK_REMIND = "Task_RemindDeployers";
    public static final String END_ALL_ACKNOWLEDGED = "EndEvent_AllAcknowledged";

    /** Every deployer acknowledged the version. */
    public static final String MESSAGE_ACKNOWLEDGED = "InstructionsAcknowledged";

    private InstructionsDistributionProcess() {
    }
}
