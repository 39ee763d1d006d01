package io.aiactops.incidents;

import static io.aiactops.incidents.RegimeReportingVariables.INCIDENT_ID;
import static io.aiactops.incidents.RegimeReportingVariables.MDR_REPORT_COMPLETE;
import static io.aiactops.incidents.RegimeReportingVariables.NIS2_REPORT_KIND;
import static io.aiactops.incidents.RegimeReportingVariables.REQUEST_DUE_AT;
import static io.aiactops.incidents.RegimeReportingVariables.SUBMITTED_AT;
import static io.aiactops.incidents.RegimeReportingVariables.SUBMITTED_BY;

import io.aiactops.regimes.RegimeStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records a stage's submission or decision (rendering its reports in the transaction of the completed task,
 * so that what is sent is what the incident manager approved), then gives the stages whose clocks it started
 * their due dates, and empties the stage form for the next stage.
 */
@Component("recordRegimeStageDelegate")
public class RecordRegimeStageDelegate implements JavaDelegate {

    private final RegimeReporting reporting;
    private final IncidentsProperties.Reminders reminders;

    public RecordRegimeStageDelegate(RegimeReporting reporting, IncidentsProperties properties) {
        this.reporting = reporting;
        this.reminders = properties.reminders();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        String by = SUBMITTED_BY.required(execution);
        RegimeStage stage = RegimeReportingVariables.stage(execution);
        if (stage == RegimeStage.NIS2_FINAL
                && RegimeReportingVariables.nis2Kind(execution) == RegimeReportingVariables.Nis2ReportKind.INTERMEDIATE_REQUESTED) {
            reporting.recordIntermediateRequest(caseId, RegimeReportingVariables.instant(SUBMITTED_AT, execution),
                    RegimeReportingVariables.instant(REQUEST_DUE_AT, execution), by);
        } else {
            RegimeSubmission submission = RegimeReportingVariables.submission(execution);
            reporting.record(caseId, submission, by);
            if (stage == RegimeStage.MDR_REPORT) {
                MDR_REPORT_COMPLETE.set(execution, submission.outcome() == RegimeSubmission.Outcome.SUBMITTED);
            }
        }
        execution.setVariables(RegimeReportingVariables.clocks(
                reporting.clocks(caseId, RegimeReportingVariables.regime(execution)), reminders));
        RegimeReportingVariables.STAGE_FORM.forEach(variable -> variable.remove(execution));
        if (stage != RegimeStage.NIS2_FINAL) {
            // The gateway after the final report's task reads it; cleared before that task comes round again.
            NIS2_REPORT_KIND.remove(execution);
        }
    }
}
