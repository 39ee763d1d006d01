package io.aiactops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.aiactops.platform.security.Roles;
import io.aiactops.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An installation updated from an earlier version loses the grants that let people set a case's variables. */
@IntegrationTest
class IdentityBootstrapIntegrationTest {

    @Autowired
    IdentityBootstrap bootstrap;

    @Autowired
    AuthorizationService authorizations;

    @Test
    void grantsOfEarlierVersionsAreNarrowedAtStart() {
        Authorization everyProcess = grant(Roles.OVERSEERS, Resources.PROCESS_DEFINITION, Authorization.ANY);
        everyProcess.addPermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(everyProcess);
        String taskId = UUID.randomUUID().toString();
        Authorization candidate = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        candidate.setGroupId(Roles.INCIDENT_MANAGERS);
        candidate.setResource(Resources.TASK);
        candidate.setResourceId(taskId);
        candidate.addPermission(Permissions.READ);
        candidate.addPermission(TaskPermissions.UPDATE);
        authorizations.saveAuthorization(candidate);

        bootstrap.run(null);

        Authorization every = grant(Roles.OVERSEERS, Resources.PROCESS_DEFINITION, Authorization.ANY);
        assertThat(every.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(every.isPermissionGranted(Permissions.CREATE_INSTANCE)).isFalse();
        assertThat(grant(Roles.OVERSEERS, Resources.PROCESS_DEFINITION, "system-stop")
                .isPermissionGranted(Permissions.CREATE_INSTANCE)).isTrue();
        assertThat(grant(Roles.INCIDENT_MANAGERS, Resources.PROCESS_DEFINITION, Authorization.ANY)
                .isPermissionGranted(Permissions.CREATE_INSTANCE)).isFalse();
        assertThat(grant(Roles.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, Authorization.ANY)
                .isPermissionGranted(Permissions.CREATE_INSTANCE)).as("process owners start any process").isTrue();
        Authorization task = grant(Roles.INCIDENT_MANAGERS, Resources.TASK, taskId);
        assertThat(task.isPermissionGranted(TaskPermissions.UPDATE)).isFalse();
        assertThat(task.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(task.isPermissionGranted(TaskPermissions.READ)).isTrue();
        authorizations.deleteAuthorization(task.getId());
    }

    private Authorization grant(String group, Resources resource, String resourceId) {
        return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .singleResult();
    }
}
