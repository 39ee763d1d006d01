package io.aiactops.platform.process;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the declared Tasklist filters at start-up, or brings existing ones (same name, no owner)
 * up to date, and keeps who may read each: exactly its groups, every other group's grant on it revoked.
 * Idempotent, so every restart and every node converges on the same filters and grants.
 */
@Component
class TasklistFilters implements ApplicationRunner {

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final List<TasklistFilter> filters;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
            List<TasklistFilter> filters) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.filters = filters;
    }

    @Override
    public void run(ApplicationArguments args) {
        filters.forEach(this::ensure);
    }

    private void ensure(TasklistFilter spec) {
        Filter filter = filterService.createFilterQuery().filterName(spec.name()).list().stream()
                .filter(f -> f.getOwner() == null)
                .findFirst()
                .orElseGet(filterService::newTaskFilter);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", spec.description());
        properties.put("priority", spec.priority());
        properties.put("refresh", true);
        properties.put("variables", spec.columns().stream()
                .map(c -> Map.of("name", c.name(), "label", c.label())).toList());
        filter.setName(spec.name());
        filter.setQuery(spec.query().apply(taskService));
        filter.setProperties(properties);
        filterService.saveFilter(filter);
        readableBy(filter.getId(), spec.groups());
    }

    /** Grants READ on the filter to its groups and revokes any other group's grant on it. */
    private void readableBy(String filterId, List<String> groups) {
        Set<String> granted = new HashSet<>();
        for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filterId).list()) {
            if (grant.getGroupId() == null || grant.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
                continue; // the owner's or a user's own grant: not ours to manage
            }
            if (groups.contains(grant.getGroupId())) {
                granted.add(grant.getGroupId());
            } else {
                authorizationService.deleteAuthorization(grant.getId());
            }
        }
        for (String group : groups) {
            if (!granted.contains(group)) {
                Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(Resources.FILTER);
                grant.setResourceId(filterId);
                grant.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(grant);
            }
        }
    }
}
