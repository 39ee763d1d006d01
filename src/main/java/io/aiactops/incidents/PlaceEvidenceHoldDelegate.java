package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFIED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Art. 73(6): holds the system's evidence once the incident is found reportable. */
@Component("placeEvidenceHoldDelegate")
public class PlaceEvidenceHoldDelegate implements JavaDelegate {

    private final IncidentCases cases;

    public PlaceEvidenceHoldDelegate(IncidentCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.placeHold(INCIDENT_ID.required(execution), CLASSIFIED_BY.required(execution));
    }
}
