package io.aiactops.incidents;

import static io.aiactops.incidents.RegimeReportingVariables.INCIDENT_ID;
import static io.aiactops.incidents.RegimeReportingVariables.SUBMITTED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the regime's last stage is done and, when it was the case's last regime, tells the waiting case. */
@Component("finishRegimeReportingDelegate")
public class FinishRegimeReportingDelegate implements JavaDelegate {

    private final RegimeReporting reporting;
    private final OtherRegimesFinishedCorrelation correlation;

    public FinishRegimeReportingDelegate(RegimeReporting reporting, OtherRegimesFinishedCorrelation correlation) {
        this.reporting = reporting;
        this.correlation = correlation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        reporting.finish(caseId, RegimeReportingVariables.regime(execution), SUBMITTED_BY.required(execution));
        correlation.ifAllDone(caseId);
    }
}
