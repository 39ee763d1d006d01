package io.aiactops.platform.identity;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;

/**
 * A capability's grant of a permission on one of its process definitions to a group, declared in a
 * {@link ProcessGrants} bean so that the process key stays in the capability's process class;
 * {@link IdentityBootstrap} adds it at start-up like the grants of its own table.
 */
public record ProcessGrant(String groupId, String processKey, Permission permission) {

    /** Reading the variables of the process's instances, which Tasklist shows on the task cards. */
    public static ProcessGrant readInstances(String groupId, String processKey) {
        return new ProcessGrant(groupId, processKey, Permissions.READ_INSTANCE);
    }

    /**
     * Handing the process's tasks over: unclaim, assign, delegate, add a candidate group. Candidates hold
     * only TASK_WORK on each task (claim, complete through the form), which does not let them set variables.
     */
    public static ProcessGrant assignTasks(String groupId, String processKey) {
        return new ProcessGrant(groupId, processKey, ProcessDefinitionPermissions.TASK_ASSIGN);
    }

    /**
     * Starting the process from its start form in Tasklist. Only processes with a start form are started by
     * people; the others are started by aiact-ops itself, with what they need.
     */
    public static ProcessGrant startInstances(String groupId, String processKey) {
        return new ProcessGrant(groupId, processKey, Permissions.CREATE_INSTANCE);
    }
}
