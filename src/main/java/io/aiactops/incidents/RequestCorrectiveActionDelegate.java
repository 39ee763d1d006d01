package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.AI_SYSTEM_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFIED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.CORRECTIVE_ACTION_REASON;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.INVESTIGATED_BY;

import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.correctiveaction.CorrectiveActionRequested;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks for the corrective action the case calls for ({@link CorrectiveActionRequested}: the
 * corrective-action process starts in this transaction), with the case id as reference, and records the
 * request in the register.
 */
@Component("requestCorrectiveActionDelegate")
public class RequestCorrectiveActionDelegate implements JavaDelegate {

    private final IncidentCases cases;
    private final ApplicationEventPublisher events;

    public RequestCorrectiveActionDelegate(IncidentCases cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        String reason = CORRECTIVE_ACTION_REASON.required(execution);
        String by = INVESTIGATED_BY.from(execution) == null ? CLASSIFIED_BY.required(execution) : INVESTIGATED_BY.from(execution);
        events.publishEvent(new CorrectiveActionRequested(AI_SYSTEM_ID.required(execution), reason,
                CorrectiveActionOrigin.SERIOUS_INCIDENT, caseId, by));
        cases.recordStep(new IncidentRecorded.CorrectiveActionRequested(caseId, reason), by);
    }
}
