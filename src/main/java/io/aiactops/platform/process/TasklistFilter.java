package io.aiactops.platform.process;

import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A shared Tasklist filter a capability declares as a bean; {@link TasklistFilters} creates or updates
 * it at start-up. {@code columns} are process variables shown on each task, e.g. the AI system.
 */
public record TasklistFilter(String name, String description, int priority, Function<TaskService, TaskQuery> query,
        List<Column> columns) {

    /** A variable shown on the task cards. */
    public record Column(String name, String label) {
    }

    /** The AI system, shown on every filter of ours. */
    public static final Column AI_SYSTEM = new Column("aiSystemId", "AI system");
}
