package io.aiactops.maintenance;

import static io.aiactops.maintenance.PostMarketReviewVariables.AI_SYSTEM_ID;
import static io.aiactops.maintenance.PostMarketReviewVariables.CORRECTIVE_ACTION_REASON;
import static io.aiactops.maintenance.PostMarketReviewVariables.POST_MARKET_REPORT_ID;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGNED_OFF_BY;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands the corrective action the review asks for over to the corrective-action process by its start
 * message, as a serious incident does; origin post_market_review, the report id as reference.
 */
@Component("handOverCorrectiveActionDelegate")
public class HandOverCorrectiveActionDelegate implements JavaDelegate {

    private final RuntimeService runtimeService;

    public HandOverCorrectiveActionDelegate(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reportId = POST_MARKET_REPORT_ID.required(execution);
        runtimeService.createMessageCorrelation(CorrectiveActionProcess.MESSAGE_REQUESTED)
                .processInstanceBusinessKey(reportId)
                .setVariable(CorrectiveActionVariables.AI_SYSTEM_ID.name(), AI_SYSTEM_ID.required(execution))
                .setVariable(CorrectiveActionVariables.REASON.name(), CORRECTIVE_ACTION_REASON.required(execution))
                .setVariable(CorrectiveActionVariables.ORIGIN.name(), CorrectiveActionOrigin.POST_MARKET_REVIEW.wireName())
                .setVariable(CorrectiveActionVariables.REFERENCE.name(), reportId)
                .setVariable(CorrectiveActionVariables.REQUESTED_BY.name(), SIGNED_OFF_BY.required(execution))
                .correlateStartMessage();
    }
}
