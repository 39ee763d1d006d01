package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.CORRECTIVE_ACTION_REQUESTED;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.INVESTIGATED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.INVESTIGATION_FINDINGS;
import static io.aiactops.incidents.SeriousIncidentVariables.PLANNED_CHANGE;
import static io.aiactops.incidents.SeriousIncidentVariables.PLANNED_CHANGE_NOTIFIED;
import static io.aiactops.incidents.SeriousIncidentVariables.RISK_ASSESSMENT_NOTES;
import static io.aiactops.incidents.SeriousIncidentVariables.RISK_ASSESSMENT_STILL_HOLDS;
import static io.aiactops.incidents.SeriousIncidentVariables.ROOT_CAUSE;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the investigation's findings and risk-assessment review in the register. When the
 * authorities were informed of a planned change, that recorded decision releases the evidence hold.
 */
@Component("recordInvestigationDelegate")
public class RecordInvestigationDelegate implements JavaDelegate {

    private final IncidentCases cases;

    public RecordInvestigationDelegate(IncidentCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        String by = INVESTIGATED_BY.required(execution);
        cases.recordStep(new IncidentRecorded.InvestigationRecorded(caseId, INVESTIGATION_FINDINGS.from(execution),
                Objects.toString(ROOT_CAUSE.from(execution), ""), Boolean.TRUE.equals(RISK_ASSESSMENT_STILL_HOLDS.from(execution)),
                Objects.toString(RISK_ASSESSMENT_NOTES.from(execution), ""),
                Boolean.TRUE.equals(CORRECTIVE_ACTION_REQUESTED.from(execution))), by);
        if (Boolean.TRUE.equals(PLANNED_CHANGE_NOTIFIED.from(execution))) {
            cases.releaseHold(caseId, "authorities informed of the planned change: " + PLANNED_CHANGE.required(execution), by);
        }
    }
}
