package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORT_PREPARED_BY;

import io.aiactops.platform.process.TaskCompleter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete "Prepare authority report" with a report that cannot be sent (wrong type for
 * this point of the case, a final report without root cause, a Member State without a configured
 * authority) and stamps who prepared it.
 */
@Component("checkAuthorityReportListener")
public class CheckAuthorityReportListener implements TaskListener {

    private final AuthorityReports reports;

    public CheckAuthorityReportListener(AuthorityReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        reports.validate(INCIDENT_ID.required(task), SeriousIncidentVariables.draft(task));
        String preparedBy = TaskCompleter.required(task, "A report");
        REPORT_PREPARED_BY.set(task, preparedBy);
    }
}
