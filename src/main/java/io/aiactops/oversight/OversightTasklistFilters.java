package io.aiactops.oversight;

import java.util.List;

import io.aiactops.platform.identity.ProcessGrant;
import io.aiactops.platform.identity.ProcessGrants;
import io.aiactops.platform.process.TasklistFilter;
import io.aiactops.platform.process.TasklistFilter.Column;
import io.aiactops.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Tasklist filters of overseers and process owners, and what overseers may read to see them. Each
 * group sees its own: overseers land on their alerts, process owners on releases, resumes and corrective
 * actions; "My open tasks" is everyone's.
 */
@Configuration
class OversightTasklistFilters {

    private static final List<Column> REVIEW_COLUMNS = List.of(TasklistFilter.AI_SYSTEM,
            new Column(OversightReviewVariables.METRIC.name(), "Metric"),
            new Column(OversightReviewVariables.SEVERITY.name(), "Severity"),
            new Column(OversightReviewVariables.BREACH_COUNT.name(), "Breaches"));

    /**
     * Overseers see the variables of their reviews and stops, which Tasklist shows on the task cards, hand
     * reviews over to each other (unclaim, assign), and stop a system from the start form "Stop an AI system".
     */
    @Bean
    ProcessGrants overseersProcessGrants() {
        return ProcessGrants.of(ProcessGrant.readInstances(Roles.OVERSEERS, OversightReviewProcess.KEY),
                ProcessGrant.readInstances(Roles.OVERSEERS, SystemStopProcess.KEY),
                ProcessGrant.assignTasks(Roles.OVERSEERS, OversightReviewProcess.KEY),
                ProcessGrant.startInstances(Roles.OVERSEERS, SystemStopProcess.KEY));
    }

    @Bean
    TasklistFilter alertsToReview() {
        return new TasklistFilter("Alerts to review — critical first",
                "Monitoring alerts awaiting an overseer's decision, critical first, then by due date", TasklistFilter.MAIN,
                List.of(Roles.OVERSEERS),
                // Claimed reviews stay in the list: it is the overseers' shared view of open alerts.
                tasks -> tasks.createTaskQuery().taskCandidateGroup(Roles.OVERSEERS).includeAssignedTasks()
                        .taskDefinitionKey(OversightReviewProcess.TASK_REVIEW_ALERT)
                        .orderByTaskPriority().desc()
                        .orderByDueDate().asc(),
                REVIEW_COLUMNS);
    }

    @Bean
    TasklistFilter myOpenTasks() {
        return new TasklistFilter("My open tasks", "Tasks assigned to me", -20,
                List.of(Roles.OVERSEERS, Roles.INCIDENT_MANAGERS, Roles.PROCESS_OWNERS),
                tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
                List.of(TasklistFilter.AI_SYSTEM));
    }

    @Bean
    TasklistFilter stoppedSystems() {
        return new TasklistFilter("Stopped AI systems awaiting resume",
                "Systems stopped by an overseer or process owner; resuming needs a different person", TasklistFilter.MAIN + 1,
                List.of(Roles.PROCESS_OWNERS),
                tasks -> tasks.createTaskQuery().taskCandidateGroup(Roles.PROCESS_OWNERS).includeAssignedTasks()
                        .taskDefinitionKey(SystemStopProcess.TASK_RESUME_SYSTEM)
                        .orderByTaskCreateTime().asc(),
                List.of(TasklistFilter.AI_SYSTEM, new Column(SystemStopVariables.STOPPED_BY.name(), "Stopped by"),
                        new Column(SystemStopVariables.STOP_REASON.name(), "Reason")));
    }
}
