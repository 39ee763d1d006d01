package io.aiactops.incidents;

import static io.aiactops.incidents.RegimeReportingVariables.HANDLED_AT;
import static io.aiactops.incidents.RegimeReportingVariables.INCIDENT_ID;
import static io.aiactops.incidents.RegimeReportingVariables.NIS2_REPORT_KIND;
import static io.aiactops.incidents.RegimeReportingVariables.SUBMITTED_BY;

import io.aiactops.regimes.Regime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** NIS2 23(4)(e): records when the incident was handled, which starts the final report's one-month clock. */
@Component("recordIncidentHandledDelegate")
public class RecordIncidentHandledDelegate implements JavaDelegate {

    private final RegimeReporting reporting;
    private final IncidentsProperties.Reminders reminders;

    public RecordIncidentHandledDelegate(RegimeReporting reporting, IncidentsProperties properties) {
        this.reporting = reporting;
        this.reminders = properties.reminders();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        reporting.recordHandled(caseId, RegimeReportingVariables.instant(HANDLED_AT, execution), SUBMITTED_BY.required(execution));
        execution.setVariables(RegimeReportingVariables.clocks(reporting.clocks(caseId, Regime.NIS2), reminders));
        HANDLED_AT.remove(execution);
        NIS2_REPORT_KIND.remove(execution);
    }
}
