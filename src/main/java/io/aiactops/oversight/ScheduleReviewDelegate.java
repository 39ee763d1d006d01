package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.REVIEW_DUE_AT;
import static io.aiactops.oversight.OversightReviewVariables.REVIEW_PRIORITY;
import static io.aiactops.oversight.OversightReviewVariables.SEVERITY;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the review's due date and Tasklist priority from its severity. */
@Component("scheduleReviewDelegate")
public class ScheduleReviewDelegate implements JavaDelegate {

    private final OversightProperties properties;
    private final Clock clock;

    public ScheduleReviewDelegate(OversightProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Severity severity = Severity.fromWireName(SEVERITY.required(execution));
        REVIEW_DUE_AT.set(execution, Date.from(clock.instant().plus(properties.reviewDue(severity))));
        REVIEW_PRIORITY.set(execution, OversightReviewProcess.priority(severity));
    }
}
