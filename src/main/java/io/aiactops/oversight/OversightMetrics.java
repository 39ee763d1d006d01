package io.aiactops.oversight;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The oversight gauge (docs/operations.md#health-and-metrics): open "Review monitoring alert" tasks
 * per severity, counted by the engine on every scrape (no user is authenticated there, so the count
 * is of all tasks, not of one person's).
 */
@Component
class OversightMetrics implements MeterBinder {

    static final String REVIEWS_OPEN = "aiact.reviews.open";

    private final TaskService taskService;

    OversightMetrics(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (Severity severity : List.of(Severity.WARNING, Severity.CRITICAL)) {
            Gauge.builder(REVIEWS_OPEN, taskService, tasks -> openReviews(tasks, severity))
                    .description("Open 'Review monitoring alert' tasks, by the review's current severity")
                    .tag("severity", severity.wireName())
                    .strongReference(true).register(meters);
        }
    }

    private static long openReviews(TaskService tasks, Severity severity) {
        return tasks.createTaskQuery()
                .processDefinitionKey(OversightReviewProcess.KEY)
                .taskDefinitionKey(OversightReviewProcess.TASK_REVIEW_ALERT)
                .processVariableValueEquals(OversightReviewVariables.SEVERITY.name(), severity.wireName())
                .count();
    }
}
