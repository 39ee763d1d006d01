package io.aiactops.incidents;

import java.util.List;

import io.aiactops.platform.identity.ProcessGrant;
import io.aiactops.platform.identity.ProcessGrants;
import io.aiactops.platform.process.TasklistFilter;
import io.aiactops.platform.process.TasklistFilter.Column;
import io.aiactops.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Tasklist filters of incident managers (what is due soon, and every open incident task), and who reports an
 * incident from Tasklist.
 */
@Configuration
class IncidentTasklistFilters {

    private static final List<Column> CASE_COLUMNS = List.of(new Column(SeriousIncidentVariables.INCIDENT_ID.name(), "Case"),
            TasklistFilter.AI_SYSTEM, new Column(SeriousIncidentVariables.MEMBER_STATES.name(), "Member States"),
            new Column(SeriousIncidentVariables.REPORTABILITY.name(), "Classification"));

    /**
     * Incident managers hand their cases' and regimes' tasks over to each other (unclaim, assign); they and
     * overseers report a serious incident from its start form in Tasklist.
     */
    @Bean
    ProcessGrants incidentProcessGrants() {
        return ProcessGrants.of(ProcessGrant.assignTasks(Roles.INCIDENT_MANAGERS, SeriousIncidentProcess.KEY),
                ProcessGrant.assignTasks(Roles.INCIDENT_MANAGERS, RegimeReportingProcess.KEY),
                ProcessGrant.startInstances(Roles.OVERSEERS, SeriousIncidentProcess.KEY),
                ProcessGrant.startInstances(Roles.INCIDENT_MANAGERS, SeriousIncidentProcess.KEY));
    }

    /**
     * Classification (due within the shortest period from awareness), the first report (due by the
     * adjusted deadline) and every timed stage of the other regimes (due by that regime's clock) carry due
     * dates; overdue tasks stay in the list.
     */
    @Bean
    TasklistFilter incidentsDueWithin48Hours() {
        return new TasklistFilter("Incidents due within 48 h",
                "Serious-incident tasks, and the stages of the other regimes (GDPR, NIS2, DORA, MDR), whose legal deadline "
                        + "is less than 48 hours away, or passed", TasklistFilter.MAIN,
                List.of(Roles.INCIDENT_MANAGERS),
                tasks -> tasks.createTaskQuery().processDefinitionKeyIn(SeriousIncidentProcess.KEY, RegimeReportingProcess.KEY)
                        .taskCandidateGroup(Roles.INCIDENT_MANAGERS).includeAssignedTasks()
                        .dueBeforeExpression("${dateTime().plusHours(48).toDate()}")
                        .orderByDueDate().asc(),
                CASE_COLUMNS);
    }

    @Bean
    TasklistFilter openIncidentTasks() {
        return new TasklistFilter("Serious incidents — all open tasks",
                "Every open task of a serious-incident case, the earliest due first", 5, List.of(Roles.INCIDENT_MANAGERS),
                tasks -> tasks.createTaskQuery().processDefinitionKeyIn(SeriousIncidentProcess.KEY, RegimeReportingProcess.KEY)
                        .taskCandidateGroup(Roles.INCIDENT_MANAGERS).includeAssignedTasks()
                        .orderByDueDate().asc().orderByTaskCreateTime().asc(),
                CASE_COLUMNS);
    }
}
