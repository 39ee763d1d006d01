package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.BREACH_COUNT;
import static io.aiactops.oversight.OversightReviewVariables.INCOMING_RATIONALE;
import static io.aiactops.oversight.OversightReviewVariables.INCOMING_SEEN_AT;
import static io.aiactops.oversight.OversightReviewVariables.INCOMING_SEVERITY;
import static io.aiactops.oversight.OversightReviewVariables.INCOMING_VALUE;
import static io.aiactops.oversight.OversightReviewVariables.LAST_SEEN_AT;
import static io.aiactops.oversight.OversightReviewVariables.LATEST_VALUE;
import static io.aiactops.oversight.OversightReviewVariables.RATIONALE;
import static io.aiactops.oversight.OversightReviewVariables.SEVERITY;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Adds a recurring breach to the open review: count, latest value, last seen; the severity only
 * ever rises, so a warning review that turns critical shows as critical.
 */
@Component("updateBreachSummaryDelegate")
public class UpdateBreachSummaryDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        BREACH_COUNT.set(execution.getProcessInstance(), BREACH_COUNT.required(execution) + 1);
        LATEST_VALUE.set(execution.getProcessInstance(), INCOMING_VALUE.from(execution));
        LAST_SEEN_AT.set(execution.getProcessInstance(), INCOMING_SEEN_AT.required(execution));
        Severity current = Severity.fromWireName(SEVERITY.required(execution));
        Severity incoming = Severity.fromWireName(INCOMING_SEVERITY.required(execution));
        if (incoming.compareTo(current) >= 0) {
            SEVERITY.set(execution.getProcessInstance(), incoming.wireName());
            RATIONALE.set(execution.getProcessInstance(), INCOMING_RATIONALE.from(execution));
        }
        // The message's values are consumed; only the summary stays on the review.
        List.of(INCOMING_VALUE, INCOMING_SEVERITY, INCOMING_RATIONALE, INCOMING_SEEN_AT).forEach(v -> v.remove(execution));
    }
}
