package io.aiactops.platform.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the declared Tasklist filters at start-up, or brings existing ones (same name, no owner)
 * up to date: idempotent, so every restart and every node converges on the same filters. Who may see
 * them is granted in the identity bootstrap (filter READ for every person).
 */
@Component
class TasklistFilters implements ApplicationRunner {

    private final FilterService filterService;
    private final TaskService taskService;
    private final List<TasklistFilter> filters;

    TasklistFilters(FilterService filterService, TaskService taskService, List<TasklistFilter> filters) {
        this.filterService = filterService;
        this.taskService = taskService;
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
    }
}
