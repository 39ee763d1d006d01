package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.OversightReviewVariables.BREACH_COUNT;
import static io.aiactops.oversight.OversightReviewVariables.DECIDED_BY;
import static io.aiactops.oversight.OversightReviewVariables.DECISION;
import static io.aiactops.oversight.OversightReviewVariables.DECISION_REASON;
import static io.aiactops.oversight.OversightReviewVariables.FOLLOW_UP_AT;
import static io.aiactops.oversight.OversightReviewVariables.LATEST_VALUE;
import static io.aiactops.oversight.OversightReviewVariables.METRIC;
import static io.aiactops.oversight.OversightReviewVariables.MODEL_VERSION;
import static io.aiactops.oversight.OversightReviewVariables.SEVERITY;

import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the overseer's decision, with who and why, in the log register (Art. 14, Art. 12). */
@Component("recordOversightDecisionDelegate")
public class RecordOversightDecisionDelegate implements JavaDelegate {

    private final LogRegister register;

    public RecordOversightDecisionDelegate(LogRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        register.record(AI_SYSTEM_ID.required(execution), LogEventType.OVERSIGHT_ACTION, DECIDED_BY.required(execution),
                MODEL_VERSION.from(execution), new OversightDecisionRecorded(OversightDecisionRecorded.REVIEW_DECISION,
                        execution.getProcessBusinessKey(), execution.getProcessInstanceId(), METRIC.from(execution),
                        SEVERITY.from(execution), LATEST_VALUE.from(execution), BREACH_COUNT.from(execution),
                        DECISION.required(execution), DECISION_REASON.required(execution), FOLLOW_UP_AT.from(execution)));
    }
}
