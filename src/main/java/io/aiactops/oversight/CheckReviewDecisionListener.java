package io.aiactops.oversight;

import io.aiactops.platform.process.TaskRefusal;
import io.aiactops.platform.process.TaskCompleter;
import static io.aiactops.oversight.OversightReviewVariables.DECIDED_BY;
import static io.aiactops.oversight.OversightReviewVariables.DECISION;
import static io.aiactops.oversight.OversightReviewVariables.DECISION_REASON;
import static io.aiactops.oversight.OversightReviewVariables.FOLLOW_UP_AT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a review without a valid decision, a reason, and (to keep watching) a future
 * follow-up date; stamps who decided. Tasklist shows the refusal and keeps the task open.
 */
@Component("checkReviewDecisionListener")
public class CheckReviewDecisionListener implements TaskListener {

    private final Clock clock;

    public CheckReviewDecisionListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = ReviewDecision.fromWireName(DECISION.from(task));
        if (decision == null) {
            throw new TaskRefusal("Choose a decision: " + ReviewDecision.wireNames());
        }
        String reason = DECISION_REASON.from(task);
        if (reason == null || reason.isBlank()) {
            throw new TaskRefusal("Give the reason for your decision; it is recorded in the log register");
        }
        if (decision == ReviewDecision.KEEP_WATCHING) {
            Instant followUp = followUpAt(FOLLOW_UP_AT.from(task));
            if (!followUp.isAfter(clock.instant())) {
                throw new TaskRefusal("The follow-up date must be in the future");
            }
            FOLLOW_UP_AT.set(task, followUp.toString());
        }
        String decidedBy = TaskCompleter.required(task, "A review decision");
        DECIDED_BY.set(task, decidedBy);
    }

    private static Instant followUpAt(String value) {
        if (value == null || value.isBlank()) {
            throw new TaskRefusal("To keep watching, set the follow-up date");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TaskRefusal("The follow-up date must be an ISO-8601 date-time, e.g. 2026-12-01T09:00:00Z");
        }
    }
}
