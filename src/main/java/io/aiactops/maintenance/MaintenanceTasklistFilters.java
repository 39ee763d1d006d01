package io.aiactops.maintenance;

import java.util.List;

import io.aiactops.platform.process.TasklistFilter;
import io.aiactops.platform.process.TasklistFilter.Column;
import io.aiactops.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process owners' Tasklist view of corrective actions (Art. 20): every open task, the earliest due first. */
@Configuration
class MaintenanceTasklistFilters {

    @Bean
    TasklistFilter openCorrectiveActions() {
        return new TasklistFilter("Corrective actions — open tasks",
                "Corrective actions to decide, carry out or verify; an authority's deadline first",
                TasklistFilter.MAIN + 2, List.of(Roles.PROCESS_OWNERS),
                tasks -> tasks.createTaskQuery().processDefinitionKey(CorrectiveActionProcess.KEY)
                        .taskCandidateGroup(Roles.PROCESS_OWNERS).includeAssignedTasks()
                        .orderByDueDate().asc().orderByTaskCreateTime().asc(),
                List.of(TasklistFilter.AI_SYSTEM, new Column(CorrectiveActionVariables.REASON.name(), "Reason"),
                        new Column(CorrectiveActionVariables.ORIGIN.name(), "Origin")));
    }
}
