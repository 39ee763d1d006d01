package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.OTHER_REGIMES_FINISHED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Whether every regime the case started beside Art. 73 is finished or waived: only then may the case close. */
@Component("checkOtherRegimesDelegate")
public class CheckOtherRegimesDelegate implements JavaDelegate {

    private final RegimeReporting reporting;

    public CheckOtherRegimesDelegate(RegimeReporting reporting) {
        this.reporting = reporting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OTHER_REGIMES_FINISHED.set(execution, reporting.unfinished(INCIDENT_ID.required(execution)).isEmpty());
    }
}
