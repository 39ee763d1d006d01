package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.FINAL_REPORT_PREPARED;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.NEXT_REPORT_DUE_AT;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORT_NUMBER;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORT_PREPARED_BY;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Renders and stores the report for each Member State in the transaction of the completed task, so
 * that what is sent later is exactly what the incident manager approved. A report that is not the final
 * one sets when the next is due, which the investigation tasks carry as their due date.
 */
@Component("recordAuthorityReportDelegate")
public class RecordAuthorityReportDelegate implements JavaDelegate {

    private final AuthorityReports reports;
    private final IncidentsProperties properties;
    private final Clock clock;

    public RecordAuthorityReportDelegate(AuthorityReports reports, IncidentsProperties properties, Clock clock) {
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportDraft draft = SeriousIncidentVariables.draft(execution);
        int number = reports.prepare(INCIDENT_ID.required(execution), draft, REPORT_PREPARED_BY.required(execution));
        REPORT_NUMBER.set(execution, (long) number);
        FINAL_REPORT_PREPARED.set(execution, draft.reportType().isFinal());
        if (!draft.reportType().isFinal()) {
            NEXT_REPORT_DUE_AT.set(execution, Date.from(clock.instant().plus(properties.nextReportWithin())));
        }
    }
}
