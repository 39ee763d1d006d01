package io.aiactops.incidents;

import static io.aiactops.incidents.RegimeReportingVariables.HANDLED_AT;
import static io.aiactops.incidents.RegimeReportingVariables.INCIDENT_ID;
import static io.aiactops.incidents.RegimeReportingVariables.SUBMITTED_BY;

import io.aiactops.platform.process.TaskCompleter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses "Record when the incident was handled" without a time, or with one in the future, naming the field. */
@Component("checkIncidentHandledListener")
public class CheckIncidentHandledListener implements TaskListener {

    private final RegimeReporting reporting;

    public CheckIncidentHandledListener(RegimeReporting reporting) {
        this.reporting = reporting;
    }

    @Override
    public void notify(DelegateTask task) {
        reporting.validateHandled(INCIDENT_ID.required(task), RegimeReportingVariables.instant(HANDLED_AT, task));
        SUBMITTED_BY.set(task, TaskCompleter.required(task, "The end of an incident"));
    }
}
