package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFIED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORTABILITY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The final (non-reportable) record of a case that is not reportable, with its rationale. */
@Component("recordNotReportableDelegate")
public class RecordNotReportableDelegate implements JavaDelegate {

    private final IncidentCases cases;

    public RecordNotReportableDelegate(IncidentCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordStep(new IncidentRecorded.NotReportable(INCIDENT_ID.required(execution), REPORTABILITY.required(execution)),
                CLASSIFIED_BY.required(execution));
    }
}
