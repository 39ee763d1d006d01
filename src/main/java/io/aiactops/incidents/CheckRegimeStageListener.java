package io.aiactops.incidents;

import static io.aiactops.incidents.RegimeReportingVariables.INCIDENT_ID;
import static io.aiactops.incidents.RegimeReportingVariables.REQUEST_DUE_AT;
import static io.aiactops.incidents.RegimeReportingVariables.SUBMITTED_AT;
import static io.aiactops.incidents.RegimeReportingVariables.SUBMITTED_BY;

import io.aiactops.platform.process.TaskCompleter;
import io.aiactops.regimes.RegimeStage;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a stage's task with a submission that cannot be recorded (the message names the
 * field; Tasklist shows it and keeps the task open) and stamps who submitted it.
 */
@Component("checkRegimeStageListener")
public class CheckRegimeStageListener implements TaskListener {

    private final RegimeReporting reporting;

    public CheckRegimeStageListener(RegimeReporting reporting) {
        this.reporting = reporting;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseId = INCIDENT_ID.required(task);
        if (RegimeReportingVariables.stage(task) == RegimeStage.NIS2_FINAL
                && RegimeReportingVariables.nis2Kind(task) == RegimeReportingVariables.Nis2ReportKind.INTERMEDIATE_REQUESTED) {
            reporting.validateIntermediateRequest(RegimeReportingVariables.instant(SUBMITTED_AT, task),
                    RegimeReportingVariables.instant(REQUEST_DUE_AT, task));
        } else {
            reporting.validate(caseId, RegimeReportingVariables.submission(task));
        }
        SUBMITTED_BY.set(task, TaskCompleter.required(task, "A submission to an authority"));
    }
}
