package io.aiactops.platform.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import java.util.List;

import io.aiactops.platform.security.Roles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates our groups and what each may do in the webapps and /engine-rest, idempotently at every
 * start-up (several nodes may start at once; each grant is only added where it is missing). The
 * first administrator and the {@code camunda-admin} group come from {@code camunda.bpm.admin-user}.
 * Docs: docs/architecture.md#identity-and-authorization.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private record GroupSpec(String id, String name) {
    }

    private record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    }

    private static final List<GroupSpec> GROUPS = List.of(
            new GroupSpec(Roles.OVERSEERS, "AI overseers (Art. 14)"),
            new GroupSpec(Roles.INCIDENT_MANAGERS, "Incident managers (Art. 73)"),
            new GroupSpec(Roles.PROCESS_OWNERS, "Process owners"),
            new GroupSpec(Roles.AUDITORS, "Auditors (read-only)"),
            new GroupSpec(Roles.INGEST, "Monitoring ingest (machine clients)"),
            new GroupSpec(Roles.DEPLOYERS, "Deployers' clients reporting incidents (Art. 26(5))"));

    private static final String ANY = Authorization.ANY;

    private static final List<Grant> GRANTS = List.of(
            // Overseers work in Tasklist: their review tasks, and start forms such as "Stop an AI system"
            // (which processes each group may start: the capabilities' ProcessGrants beans).
            new Grant(Roles.OVERSEERS, Resources.APPLICATION, "tasklist", ACCESS),
            new Grant(Roles.OVERSEERS, Resources.PROCESS_DEFINITION, ANY, READ),
            new Grant(Roles.OVERSEERS, Resources.PROCESS_INSTANCE, ANY, CREATE),
            // Incident managers work in Tasklist and follow their cases in Cockpit.
            new Grant(Roles.INCIDENT_MANAGERS, Resources.APPLICATION, "tasklist", ACCESS),
            new Grant(Roles.INCIDENT_MANAGERS, Resources.APPLICATION, "cockpit", ACCESS),
            new Grant(Roles.INCIDENT_MANAGERS, Resources.PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE,
                    READ_TASK),
            new Grant(Roles.INCIDENT_MANAGERS, Resources.PROCESS_INSTANCE, ANY, CREATE, READ),
            // Process owners edit and redeploy BPMN, DMN and forms, and operate the processes.
            new Grant(Roles.PROCESS_OWNERS, Resources.APPLICATION, "tasklist", ACCESS),
            new Grant(Roles.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", ACCESS),
            new Grant(Roles.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, ALL),
            new Grant(Roles.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ALL),
            new Grant(Roles.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, ALL),
            new Grant(Roles.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, ALL),
            new Grant(Roles.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, ALL),
            // Auditors read everything in Cockpit and change nothing.
            new Grant(Roles.AUDITORS, Resources.APPLICATION, "cockpit", ACCESS),
            new Grant(Roles.AUDITORS, Resources.DEPLOYMENT, ANY, READ),
            new Grant(Roles.AUDITORS, Resources.PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE, READ_TASK),
            new Grant(Roles.AUDITORS, Resources.PROCESS_INSTANCE, ANY, READ),
            new Grant(Roles.AUDITORS, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
            new Grant(Roles.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
            new Grant(Roles.AUDITORS, Resources.TASK, ANY, READ));

    /**
     * Every person sees the names of users and groups on tasks. Tasklist filters are granted per filter
     * to the groups whose work it shows (platform.process.TasklistFilters).
     */
    private static final List<String> PEOPLE = List.of(Roles.OVERSEERS, Roles.INCIDENT_MANAGERS, Roles.PROCESS_OWNERS,
            Roles.AUDITORS);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final List<ProcessGrant> processGrants;

    IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
            List<ProcessGrants> processGrants) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.processGrants = processGrants.stream().flatMap(g -> g.grants().stream()).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUPS.forEach(this::ensureGroup);
        GRANTS.forEach(this::ensureGrant);
        processGrants.forEach(g -> ensureGrant(new Grant(g.groupId(), Resources.PROCESS_DEFINITION, g.processKey(),
                g.permission())));
        narrowTaskGrants();
        List.of(Roles.OVERSEERS, Roles.INCIDENT_MANAGERS).forEach(this::revokeStartingEveryProcess);
        for (String group : PEOPLE) {
            revokeEveryFilterGrant(group);
            ensureGrant(new Grant(group, Resources.USER, ANY, READ));
            ensureGrant(new Grant(group, Resources.GROUP, ANY, READ));
        }
    }

    /** Earlier versions let every person read every filter; an installation updated from one loses that grant. */
    private void revokeEveryFilterGrant(String group) {
        authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER).resourceId(ANY)
                .list().forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
    }

    /**
     * Earlier versions let overseers and incident managers start every process, also those aiact-ops starts
     * itself (regime reporting, corrective actions) with variables anyone could then choose.
     */
    private void revokeStartingEveryProcess(String group) {
        Authorization every = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(ANY).hasPermission(CREATE_INSTANCE).singleResult();
        if (every != null) {
            every.removePermission(CREATE_INSTANCE);
            authorizationService.saveAuthorization(every);
            log.info("Group {} may no longer start every process, only those with a start form granted to it", group);
        }
    }

    /**
     * Candidates and assignees now get TASK_WORK on a task (camunda.bpm.generic-properties:
     * default-user-permission-name-for-task), not UPDATE, which also let them set any variable of the
     * case outside the form; tasks created before keep what they were given until narrowed here.
     */
    private void narrowTaskGrants() {
        for (Authorization task : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(TaskPermissions.UPDATE).list()) {
            if (!ANY.equals(task.getResourceId()) && task.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT) {
                task.removePermission(TaskPermissions.UPDATE);
                task.addPermission(TaskPermissions.TASK_WORK);
                authorizationService.saveAuthorization(task);
                log.info("Task {}: {} may work on it (TASK_WORK) instead of UPDATE", task.getResourceId(),
                        task.getUserId() != null ? task.getUserId() : task.getGroupId());
            }
        }
    }

    private void ensureGroup(GroupSpec spec) {
        if (identityService.createGroupQuery().groupId(spec.id()).count() == 0) {
            Group group = identityService.newGroup(spec.id());
            group.setName(spec.name());
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void ensureGrant(Grant grant) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(grant.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        boolean missing = existing == null;
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
