package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.OversightReviewVariables.DECIDED_BY;
import static io.aiactops.oversight.OversightReviewVariables.DECISION_REASON;
import static io.aiactops.oversight.OversightReviewVariables.LATEST_VALUE;
import static io.aiactops.oversight.OversightReviewVariables.METRIC;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An overseer requested a corrective action: starts the corrective-action process by its start
 * message, so the process owners decide it; the review's business key is its reference.
 */
@Component("requestCorrectiveActionFromReviewDelegate")
public class RequestCorrectiveActionFromReviewDelegate implements JavaDelegate {

    private final RuntimeService runtimeService;

    public RequestCorrectiveActionFromReviewDelegate(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runtimeService.createMessageCorrelation(OversightReviewProcess.MESSAGE_CORRECTIVE_ACTION_REQUESTED)
                .setVariable("aiSystemId", AI_SYSTEM_ID.required(execution))
                .setVariable("reason", "Overseer's review of %s (latest value %s): %s".formatted(METRIC.required(execution),
                        LATEST_VALUE.from(execution), DECISION_REASON.required(execution)))
                .setVariable("origin", "oversight_review")
                .setVariable("reference", execution.getProcessBusinessKey())
                .setVariable("requestedBy", DECIDED_BY.required(execution))
                .correlateStartMessage();
    }
}
