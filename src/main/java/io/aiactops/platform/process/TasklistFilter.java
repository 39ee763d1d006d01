package io.aiactops.platform.process;

import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A shared Tasklist filter a capability declares as a bean; {@link TasklistFilters} creates or updates
 * it at start-up and lets {@code groups} see it (administrators see every filter). {@code columns} are
 * process variables shown on each task, e.g. the AI system. Tasklist lists filters by ascending
 * {@code priority}: a group's main filter has the lowest of the filters it sees.
 */
public record TasklistFilter(String name, String description, int priority, List<String> groups,
        Function<TaskService, TaskQuery> query, List<Column> columns) {

    public TasklistFilter {
        groups = List.copyOf(groups);
    }

    /** The priority of each group's main filter, before the shared "My open tasks". */
    public static final int MAIN = -30;

    /** A variable shown on the task cards. */
    public record Column(String name, String label) {
    }

    /** The AI system, shown on every filter of ours. */
    public static final Column AI_SYSTEM = new Column("aiSystemId", "AI system");
}
