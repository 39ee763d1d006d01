package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.BREACH_COUNT;
import static io.aiactops.oversight.OversightReviewVariables.INCOMING_RATIONALE;
import static io.aiactops.oversight.OversightReviewVariables.INCOMING_SEEN_AT;
import static io.aiactops.oversight.OversightReviewVariables.INCOMING_SEVERITY;
import static io.aiactops.oversight.OversightReviewVariables.INCOMING_VALUE;
import static io.aiactops.oversight.OversightReviewVariables.LAST_SEEN_AT;
import static io.aiactops.oversight.OversightReviewVariables.LATEST_VALUE;
import static io.aiactops.oversight.OversightReviewVariables.OVERDUE_TURNED_CRITICAL;
import static io.aiactops.oversight.OversightReviewVariables.RATIONALE;
import static io.aiactops.oversight.OversightReviewVariables.REVIEW_DUE_AT;
import static io.aiactops.oversight.OversightReviewVariables.REVIEW_PRIORITY;
import static io.aiactops.oversight.OversightReviewVariables.SEVERITY;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Adds a recurring breach to the open review: count, latest value, last seen. The severity only ever
 * rises; when a warning review turns critical, its priority rises and its task and overdue timer are
 * brought forward to the critical due date, so it sorts first and escalates in hours, not days; one
 * already overdue as a warning escalates at once.
 */
@Component("updateBreachSummaryDelegate")
public class UpdateBreachSummaryDelegate implements JavaDelegate {

    private final OversightProperties properties;
    private final Clock clock;

    public UpdateBreachSummaryDelegate(OversightProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        VariableScope review = execution.getProcessInstance();
        BREACH_COUNT.set(review, BREACH_COUNT.required(execution) + 1);
        LATEST_VALUE.set(review, INCOMING_VALUE.from(execution));
        LAST_SEEN_AT.set(review, INCOMING_SEEN_AT.required(execution));
        SeverityUpdate update = SeverityUpdate.of(Severity.fromWireName(SEVERITY.required(execution)),
                Severity.fromWireName(INCOMING_SEVERITY.required(execution)));
        SEVERITY.set(review, update.severity().wireName());
        if (update.takesRationale()) {
            RATIONALE.set(review, INCOMING_RATIONALE.from(execution));
        }
        OVERDUE_TURNED_CRITICAL.set(review, update.bringsForward() && bringForward(execution, update.severity()));
        // The message's values are consumed; only the summary stays on the review.
        List.of(INCOMING_VALUE, INCOMING_SEVERITY, INCOMING_RATIONALE, INCOMING_SEEN_AT).forEach(v -> v.remove(execution));
    }

    /**
     * Raises the open task's priority to the severity's and brings its due date and overdue timer forward
     * to the severity's due date, when that is earlier. True when the overdue timer already fired (as a
     * warning, which only left the task overdue in Tasklist): no timer is left to escalate it.
     */
    private boolean bringForward(DelegateExecution execution, Severity severity) {
        Date due = Date.from(clock.instant().plus(properties.reviewDue(severity)));
        Date scheduled = REVIEW_DUE_AT.from(execution);
        boolean earlier = scheduled == null || due.before(scheduled);
        int priority = OversightReviewProcess.priority(severity);
        REVIEW_PRIORITY.set(execution.getProcessInstance(), priority);
        if (earlier) {
            REVIEW_DUE_AT.set(execution.getProcessInstance(), due);
        }
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(OversightReviewProcess.TASK_REVIEW_ALERT).list();
        for (Task task : open) {
            task.setPriority(priority);
            if (earlier) {
                task.setDueDate(due);
            }
            tasks.saveTask(task);
        }
        ManagementService jobs = execution.getProcessEngineServices().getManagementService();
        List<Job> overdue = jobs.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                .activityId(OversightReviewProcess.BOUNDARY_REVIEW_OVERDUE).list();
        if (earlier) {
            overdue.forEach(job -> jobs.setJobDuedate(job.getId(), due));
        }
        return !open.isEmpty() && overdue.isEmpty();
    }
}
