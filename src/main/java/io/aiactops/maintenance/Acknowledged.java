package io.aiactops.maintenance;

/**
 * An acknowledgement taken (of a corrective action's information, or of instructions for use): of what,
 * by whom, and whether every deployer has now acknowledged, which ends the process waiting for them.
 */
public record Acknowledged(String subject, String aiSystemId, String email, boolean allDeployersAcknowledged,
        String processInstanceId) {
}
