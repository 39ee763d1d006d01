package io.aiactops.maintenance;

import static io.aiactops.maintenance.PostMarketReviewVariables.AI_SYSTEM_ID;
import static io.aiactops.maintenance.PostMarketReviewVariables.CORRECTIVE_ACTION_REASON;
import static io.aiactops.maintenance.PostMarketReviewVariables.POST_MARKET_REPORT_ID;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGNED_OFF_BY;

import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.correctiveaction.CorrectiveActionRequested;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks for the corrective action the review calls for, as a serious incident does
 * ({@link CorrectiveActionRequested}); origin post_market_review, the report id as reference.
 */
@Component("handOverCorrectiveActionDelegate")
public class HandOverCorrectiveActionDelegate implements JavaDelegate {

    private final ApplicationEventPublisher events;

    public HandOverCorrectiveActionDelegate(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        events.publishEvent(new CorrectiveActionRequested(AI_SYSTEM_ID.required(execution),
                CORRECTIVE_ACTION_REASON.required(execution), CorrectiveActionOrigin.POST_MARKET_REVIEW,
                POST_MARKET_REPORT_ID.required(execution), SIGNED_OFF_BY.required(execution)));
    }
}
