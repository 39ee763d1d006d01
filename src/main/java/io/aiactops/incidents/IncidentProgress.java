package io.aiactops.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Where each case stands now: the time left against its deadline and its open tasks. One place for
 * the API and the case board, so that both show the same clock and the same links.
 */
@Component
class IncidentProgress {

    private final IncidentCases cases;
    private final TaskService taskService;
    private final Clock clock;

    IncidentProgress(IncidentCases cases, TaskService taskService, Clock clock) {
        this.cases = cases;
        this.taskService = taskService;
        this.clock = clock;
    }

    /** An open task of the case, with the link that opens it in Tasklist. */
    record CurrentTask(String id, String name, String assignee, Instant dueAt, String tasklistUrl) {
    }

    /**
     * A case with what is happening now: {@code timeLeft} until the earliest adjusted deadline while no
     * report has been sent (ISO-8601, negative once overdue), and its open tasks.
     */
    record IncidentDetails(@JsonUnwrapped IncidentCase incident, String timeLeft, Double hoursLeft,
            List<CurrentTask> currentTasks) {
    }

    /** Cases with the given status ({@code null}: all), the earliest adjusted deadline first. */
    List<IncidentDetails> list(String status) {
        return cases.list(status).stream().map(this::details).toList();
    }

    IncidentDetails get(String id) {
        return details(cases.get(id));
    }

    private IncidentDetails details(IncidentCase incident) {
        String timeLeft = null;
        Double hoursLeft = null;
        if (incident.awaitingFirstReport()) {
            Duration left = Duration.between(clock.instant(), incident.deadlineAt());
            timeLeft = left.withNanos(0).toString();
            hoursLeft = Math.round(left.toMinutes() / 6.0) / 10.0;
        }
        List<CurrentTask> tasks = List.of();
        if (incident.open() && incident.processInstanceId() != null) {
            tasks = taskService.createTaskQuery().processInstanceId(incident.processInstanceId()).orderByTaskCreateTime().asc()
                    .list().stream()
                    .map(task -> new CurrentTask(task.getId(), task.getName(), task.getAssignee(),
                            task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                            "/camunda/app/tasklist/default/#/?task=" + task.getId()))
                    .toList();
        }
        return new IncidentDetails(incident, timeLeft, hoursLeft, tasks);
    }
}
