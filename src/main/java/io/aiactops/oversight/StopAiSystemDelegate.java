package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.OversightReviewVariables.DECIDED_BY;
import static io.aiactops.oversight.OversightReviewVariables.DECISION_REASON;
import static io.aiactops.oversight.OversightReviewVariables.METRIC;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review's "stop the system" decision: the same stop as the button, by the deciding overseer. */
@Component("stopAiSystemDelegate")
public class StopAiSystemDelegate implements JavaDelegate {

    private final SystemStops stops;

    public StopAiSystemDelegate(SystemStops stops) {
        this.stops = stops;
    }

    @Override
    public void execute(DelegateExecution execution) {
        stops.stop(AI_SYSTEM_ID.required(execution),
                "Oversight review of " + METRIC.required(execution) + ": " + DECISION_REASON.required(execution),
                DECIDED_BY.required(execution), StopOrigin.OVERSIGHT_REVIEW);
    }
}
