package io.aiactops.deployment;

import java.util.List;

import io.aiactops.platform.process.TasklistFilter;
import io.aiactops.platform.process.TasklistFilter.Column;
import io.aiactops.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process owners' Tasklist view of the deployment gate: every open release task, oldest first. */
@Configuration
class DeploymentTasklistFilters {

    @Bean
    TasklistFilter openReleaseTasks() {
        return new TasklistFilter("Model releases — open tasks",
                "Model versions waiting for their evidence, a go/no-go or a conformity assessment", TasklistFilter.MAIN,
                List.of(Roles.PROCESS_OWNERS),
                tasks -> tasks.createTaskQuery().taskCandidateGroup(Roles.PROCESS_OWNERS).includeAssignedTasks()
                        .processDefinitionKey(ModelDeploymentProcess.KEY)
                        .orderByTaskCreateTime().asc(),
                List.of(TasklistFilter.AI_SYSTEM, new Column(ModelDeploymentVariables.MODEL_VERSION.name(), "Model version"),
                        new Column(ModelDeploymentVariables.REQUESTED_BY.name(), "Requested by")));
    }
}
