package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFIED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.DEADLINES_SUMMARY;
import static io.aiactops.incidents.SeriousIncidentVariables.FIRST_REMINDER_AT;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORTABILITY;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORTABLE;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORT_DUE_AT;
import static io.aiactops.incidents.SeriousIncidentVariables.SECOND_REMINDER_AT;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the classification and, for a reportable incident, sets the first report's deadline (the
 * earliest adjusted one of its Member States) and the two reminders the process's timers read.
 */
@Component("recordClassificationDelegate")
public class RecordClassificationDelegate implements JavaDelegate {

    private final IncidentCases cases;
    private final IncidentsProperties.Reminders reminders;

    public RecordClassificationDelegate(IncidentCases cases, IncidentsProperties properties) {
        this.cases = cases;
        this.reminders = properties.reminders();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Reportability.Outcome outcome = cases.classify(INCIDENT_ID.required(execution),
                SeriousIncidentVariables.classification(execution), CLASSIFIED_BY.required(execution));
        REPORTABLE.set(execution, outcome.reportable());
        REPORTABILITY.set(execution, (outcome.reportable() ? "Reportable — " : "Not reportable — ") + outcome.reason());
        if (!outcome.reportable()) {
            return;
        }
        ReportingDeadlines deadlines = outcome.deadlines();
        Instant due = deadlines.firstReportDue();
        REPORT_DUE_AT.set(execution, Date.from(due));
        FIRST_REMINDER_AT.set(execution, Date.from(reminders.firstReminder(deadlines.awareAt(), due)));
        SECOND_REMINDER_AT.set(execution, Date.from(reminders.secondReminder(due)));
        DEADLINES_SUMMARY.set(execution, deadlines.summary());
    }
}
