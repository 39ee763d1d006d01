package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.ALERT_RESOLVED_AT;
import static io.aiactops.oversight.OversightReviewVariables.INCOMING_RESOLVED_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Shows on the review that its alert resolved; the overseer still decides (a human task never closes by itself). */
@Component("noteAlertResolvedDelegate")
public class NoteAlertResolvedDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        ALERT_RESOLVED_AT.set(execution.getProcessInstance(), INCOMING_RESOLVED_AT.required(execution));
        INCOMING_RESOLVED_AT.remove(execution);
    }
}
