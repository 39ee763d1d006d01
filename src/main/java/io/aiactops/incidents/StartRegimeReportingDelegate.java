package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.AI_SYSTEM_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFIED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the reporting under each regime the classification says applies beside Art. 73, reportable or not. */
@Component("startRegimeReportingDelegate")
public class StartRegimeReportingDelegate implements JavaDelegate {

    private final RegimeReportingStarter starter;

    public StartRegimeReportingDelegate(RegimeReportingStarter starter) {
        this.starter = starter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        starter.start(INCIDENT_ID.required(execution), AI_SYSTEM_ID.required(execution),
                SeriousIncidentVariables.regimeChoices(execution), CLASSIFIED_BY.required(execution));
    }
}
