package io.aiactops.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Where each case stands now: the time left against its deadline and its open tasks. One place for
 * the API and the case board, so that both show the same clock and the same links.
 */
@Component
class IncidentProgress {

    private final IncidentCases cases;
    private final RegimeReporting regimes;
    private final TaskService taskService;
    private final Clock clock;

    IncidentProgress(IncidentCases cases, RegimeReporting regimes, TaskService taskService, Clock clock) {
        this.cases = cases;
        this.regimes = regimes;
        this.taskService = taskService;
        this.clock = clock;
    }

    /** An open task of the case, with the link that opens it in Tasklist. */
    record CurrentTask(String id, String name, String assignee, Instant dueAt, String tasklistUrl) {
    }

    /**
     * The deadline a case must meet next, of any regime: {@code regime} is {@code ai_act} (the Art. 73
     * classification or report) or the regime beside it ({@code gdpr}, {@code nis2}, {@code dora}, {@code mdr}).
     */
    record NextDeadline(String regime, String stage, Instant dueAt) {
    }

    /**
     * A case with what is happening now: {@code timeLeft} until the earliest adjusted deadline while no
     * report has been sent (ISO-8601, negative once overdue), its open tasks (the case's own first, then
     * those of its other regimes), each other regime's clocks, and the deadline due next of any regime.
     */
    record IncidentDetails(@JsonUnwrapped IncidentCase incident, String timeLeft, Double hoursLeft,
            List<CurrentTask> currentTasks, List<RegimeReporting.RegimeView> regimes, NextDeadline nextDeadline) {
    }

    /** Cases with the given status ({@code null}: all), the nearest deadline of any regime first. */
    List<IncidentDetails> list(String status) {
        return cases.list(status).stream().map(this::details)
                .sorted(Comparator.comparing((IncidentDetails d) -> d.nextDeadline() == null ? null : d.nextDeadline().dueAt(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
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
        List<CurrentTask> tasks = new ArrayList<>();
        if (incident.open() && incident.processInstanceId() != null) {
            tasks.addAll(tasks(taskService.createTaskQuery().processInstanceId(incident.processInstanceId())));
            tasks.addAll(tasks(taskService.createTaskQuery().processDefinitionKey(RegimeReportingProcess.KEY)
                    .processInstanceBusinessKey(incident.id())));
        }
        List<RegimeReporting.RegimeView> views = regimes.views(incident);
        return new IncidentDetails(incident, timeLeft, hoursLeft, tasks, views, nextDeadline(incident, views));
    }

    private static List<CurrentTask> tasks(TaskQuery query) {
        return query.orderByTaskCreateTime().asc().list().stream()
                .map(task -> new CurrentTask(task.getId(), task.getName(), task.getAssignee(),
                        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                        "/camunda/app/tasklist/default/#/?task=" + task.getId()))
                .toList();
    }

    private NextDeadline nextDeadline(IncidentCase incident, List<RegimeReporting.RegimeView> views) {
        // Art. 73 counts while its classification or first report is pending; later reports have no legal date here.
        Instant aiAct = incident.awaitingFirstReport() || incident.classification() == null ? cases.urgency(incident) : null;
        NextDeadline next = aiAct == null ? null : new NextDeadline("ai_act",
                incident.classification() == null ? "classification" : "first report (Art. 73)", aiAct);
        for (RegimeReporting.RegimeView view : views) {
            Optional<RegimeReporting.StageView> due = view.nextDue();
            if (due.isPresent() && (next == null || due.get().dueAt().isBefore(next.dueAt()))) {
                next = new NextDeadline(view.regime(), due.get().title(), due.get().dueAt());
            }
        }
        return next;
    }
}
