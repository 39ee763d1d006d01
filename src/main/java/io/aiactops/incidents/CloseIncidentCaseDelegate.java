package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFIED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORTABILITY;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORTABLE;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORT_NUMBER;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORT_PREPARED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the case; closing releases its evidence hold, a recorded decision in the register. */
@Component("closeIncidentCaseDelegate")
public class CloseIncidentCaseDelegate implements JavaDelegate {

    private final IncidentCases cases;

    public CloseIncidentCaseDelegate(IncidentCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean reportable = Boolean.TRUE.equals(REPORTABLE.from(execution));
        String reason = reportable ? "final report #" + REPORT_NUMBER.required(execution) + " sent to the authorities"
                : REPORTABILITY.required(execution);
        String by = reportable ? REPORT_PREPARED_BY.required(execution) : CLASSIFIED_BY.required(execution);
        cases.close(INCIDENT_ID.required(execution), reason, by);
    }
}
