package io.aiactops.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.aiactops.incidents.SeriousIncidentProcess;
import io.aiactops.logs.RegisterHead;
import io.aiactops.maintenance.CorrectiveActionProcess;
import io.aiactops.maintenance.Instructions;
import io.aiactops.maintenance.InstructionsForUse;
import io.aiactops.maintenance.MonitoringPlan;
import io.aiactops.maintenance.MonitoringPlans;
import io.aiactops.monitoring.MetricCharts;
import io.aiactops.monitoring.MetricPoint;
import io.aiactops.monitoring.MetricSeries;
import io.aiactops.oversight.OversightReviewProcess;
import io.aiactops.oversight.OversightReviewVariables;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.ModelVersionStatus;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the overview pages show, gathered from each capability's own reads: nothing here changes
 * anything, and nothing is read from the log register but its head.
 */
@Service
class SystemOverviews {

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";
    /** The variable every process of a system carries; the processes below are found by it. */
    private static final String AI_SYSTEM_ID = OversightReviewVariables.AI_SYSTEM_ID.name();

    private final Registry registry;
    private final MetricSeries series;
    private final MonitoringPlans plans;
    private final Instructions instructions;
    private final RegisterHead registerHead;
    private final HistoryService historyService;
    private final TaskService taskService;

    SystemOverviews(Registry registry, MetricSeries series, MonitoringPlans plans, Instructions instructions,
            RegisterHead registerHead, HistoryService historyService, TaskService taskService) {
        this.registry = registry;
        this.series = series;
        this.plans = plans;
        this.instructions = instructions;
        this.registerHead = registerHead;
        this.historyService = historyService;
        this.taskService = taskService;
    }

    /** A line of the list of systems. */
    record SystemLine(String id, String name, SystemStatus status, String activeModelVersion, String overviewUrl) {
    }

    /** One system as its overview page shows it. */
    record SystemOverview(String id, String name, String intendedPurpose, SystemStatus status, String statusReason,
            Instant statusChangedAt, ModelVersion activeModelVersion, List<Metric> metrics, List<OpenCase> openReviews,
            List<OpenCase> openIncidents, List<OpenCase> openCorrectiveActions, RegisterHead.Head register,
            String documentationUrl, CurrentInstructions instructions) {
    }

    /**
     * A metric the system sent or its monitoring plan names: its latest point ({@code null} if none yet)
     * and the chart readable with the Tasklist login.
     */
    record Metric(String metric, String category, boolean inMonitoringPlan, String planSource, MetricPoint latest,
            String chartUrl) {
    }

    /** An open review, incident or corrective action, with its open tasks. */
    record OpenCase(String reference, String process, String subject, Instant startedAt, List<CurrentTask> tasks) {
    }

    /** An open task, with the link that opens it in Tasklist. */
    record CurrentTask(String id, String name, String assignee, Instant dueAt, String tasklistUrl) {
    }

    /** The current instructions for use (Art. 13(3)), as published. */
    record CurrentInstructions(int version, Instant publishedAt, String publishedBy, String accuracy, String robustness,
            String knownRisks, String oversightMeasures, String maintenanceMeasures, String changeLog) {
    }

    @Transactional(readOnly = true)
    List<SystemLine> list() {
        return registry.list().stream()
                .map(s -> new SystemLine(s.id(), s.name(), s.status(), active(s.id()).map(ModelVersion::version).orElse(null),
                        "/systems/" + s.id()))
                .toList();
    }

    @Transactional(readOnly = true)
    SystemOverview of(String systemId) {
        AiSystem system = registry.get(systemId);
        InstructionsForUse ifu = instructions.history(systemId).current();
        return new SystemOverview(system.id(), system.name(), system.intendedPurpose(), system.status(),
                system.statusReason(), system.statusChangedAt(), active(systemId).orElse(null), metrics(systemId),
                open(systemId, OversightReviewProcess.KEY), open(systemId, SeriousIncidentProcess.KEY),
                open(systemId, CorrectiveActionProcess.KEY), registerHead.of(systemId).orElse(null),
                "/systems/" + systemId + "/documentation",
                ifu == null ? null : new CurrentInstructions(ifu.version(), ifu.publishedAt(), ifu.publishedBy(), ifu.accuracy(),
                        ifu.robustness(), ifu.knownRisks(), ifu.oversightMeasures(), ifu.maintenanceMeasures(), ifu.changeLog()));
    }

    private Optional<ModelVersion> active(String systemId) {
        return registry.modelVersions(systemId).stream().filter(v -> v.status() == ModelVersionStatus.ACTIVE).findFirst();
    }

    /**
     * The metrics of the series table and those the current monitoring plan names, among its metrics or
     * as a built-in monitor's (which has a card, and its chart, before its first window closes), by name.
     */
    private List<Metric> metrics(String systemId) {
        Map<String, MetricSeries.Latest> latest = series.latest(systemId).stream()
                .collect(Collectors.toMap(MetricSeries.Latest::metric, l -> l));
        Map<String, MonitoringPlan.Metric> planned = new LinkedHashMap<>();
        plans.current(systemId).ifPresent(plan -> {
            plan.metrics().forEach(m -> planned.put(m.name(), m));
            plan.monitors().forEach(m -> planned.putIfAbsent(m.metric(), new MonitoringPlan.Metric(m.metric(),
                    m.category().wireName(), "built-in monitor (" + m.kind().wireName() + ")")));
        });
        Set<String> names = new TreeSet<>(latest.keySet());
        names.addAll(planned.keySet());
        List<Metric> metrics = new ArrayList<>();
        for (String name : names) {
            MetricSeries.Latest last = latest.get(name);
            MonitoringPlan.Metric inPlan = planned.get(name);
            metrics.add(new Metric(name, last != null ? last.category() : inPlan.category(), inPlan != null,
                    inPlan == null ? null : inPlan.source(), last == null ? null : last.point(),
                    "/systems/" + systemId + "/metrics/" + name + "/chart.svg?window=" + MetricCharts.DEFAULT_WINDOW));
        }
        return metrics;
    }

    /** The system's running instances of a process, oldest first, each with its open tasks. */
    private List<OpenCase> open(String systemId, String processKey) {
        List<HistoricProcessInstance> running = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).unfinished().variableValueEquals(AI_SYSTEM_ID, systemId)
                .orderByProcessInstanceStartTime().asc().list();
        if (running.isEmpty()) {
            return List.of();
        }
        String[] ids = running.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, List<CurrentTask>> tasks = taskService.createTaskQuery().processInstanceIdIn(ids)
                .orderByTaskCreateTime().asc().list().stream()
                .collect(Collectors.groupingBy(Task::getProcessInstanceId, Collectors.mapping(SystemOverviews::task,
                        Collectors.toList())));
        Map<String, String> subjects = processKey.equals(OversightReviewProcess.KEY) ? reviewSubjects(ids) : Map.of();
        return running.stream()
                .map(p -> new OpenCase(p.getBusinessKey(), p.getProcessDefinitionName(), subjects.get(p.getId()),
                        p.getStartTime().toInstant(), tasks.getOrDefault(p.getId(), List.of())))
                .toList();
    }

    /** "psi_drift: critical" for each review: what it is about. */
    private Map<String, String> reviewSubjects(String[] reviewIds) {
        Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
        for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(reviewIds)
                .variableNameIn(OversightReviewVariables.METRIC.name(), OversightReviewVariables.SEVERITY.name()).list()) {
            variables.computeIfAbsent(v.getProcessInstanceId(), id -> new LinkedHashMap<>()).put(v.getName(), v.getValue());
        }
        return variables.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()
                .get(OversightReviewVariables.METRIC.name()) + ": " + Objects.toString(e.getValue()
                        .get(OversightReviewVariables.SEVERITY.name()), "?")));
    }

    private static CurrentTask task(Task task) {
        return new CurrentTask(task.getId(), task.getName(), task.getAssignee(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), TASKLIST_TASK + task.getId());
    }
}
