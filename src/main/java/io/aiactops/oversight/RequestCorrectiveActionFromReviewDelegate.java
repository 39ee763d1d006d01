package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.OversightReviewVariables.DECIDED_BY;
import static io.aiactops.oversight.OversightReviewVariables.DECISION_REASON;
import static io.aiactops.oversight.OversightReviewVariables.LATEST_VALUE;
import static io.aiactops.oversight.OversightReviewVariables.METRIC;

import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.correctiveaction.CorrectiveActionRequested;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * An overseer requested a corrective action: asks for it ({@link CorrectiveActionRequested}), so the
 * process owners decide it; the review's business key is its reference.
 */
@Component("requestCorrectiveActionFromReviewDelegate")
public class RequestCorrectiveActionFromReviewDelegate implements JavaDelegate {

    private final ApplicationEventPublisher events;

    public RequestCorrectiveActionFromReviewDelegate(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        events.publishEvent(new CorrectiveActionRequested(AI_SYSTEM_ID.required(execution),
                "Overseer's review of %s (latest value %s): %s".formatted(METRIC.required(execution),
                        LATEST_VALUE.from(execution), DECISION_REASON.required(execution)),
                CorrectiveActionOrigin.OVERSIGHT_REVIEW, execution.getProcessBusinessKey(), DECIDED_BY.required(execution)));
    }
}
