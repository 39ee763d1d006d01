package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.CORRECTIVE_ACTION_REASON;
import static io.aiactops.incidents.SeriousIncidentVariables.CORRECTIVE_ACTION_REQUESTED;
import static io.aiactops.incidents.SeriousIncidentVariables.INVESTIGATED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.INVESTIGATION_FINDINGS;
import static io.aiactops.incidents.SeriousIncidentVariables.PLANNED_CHANGE;
import static io.aiactops.incidents.SeriousIncidentVariables.PLANNED_CHANGE_NOTIFIED;
import static io.aiactops.incidents.SeriousIncidentVariables.RISK_ASSESSMENT_REVIEWED;

import io.aiactops.platform.process.TaskCompleter;
import io.aiactops.platform.web.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete an investigation step without its findings: the root-cause step needs the
 * findings; the risk-assessment review needs the review done, a planned change described when the
 * authorities were informed of one, and a reason for a corrective-action request.
 */
@Component("checkInvestigationListener")
public class CheckInvestigationListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (SeriousIncidentProcess.TASK_INVESTIGATE_ROOT_CAUSE.equals(task.getTaskDefinitionKey())) {
            required(INVESTIGATION_FINDINGS.name(), INVESTIGATION_FINDINGS.from(task), "describe what the investigation found");
        } else {
            if (!Boolean.TRUE.equals(RISK_ASSESSMENT_REVIEWED.from(task))) {
                throw new InvalidFieldException(RISK_ASSESSMENT_REVIEWED.name(),
                        "review the risk assessment in the light of the incident before going on (Art. 73(6))");
            }
            if (Boolean.TRUE.equals(PLANNED_CHANGE_NOTIFIED.from(task))) {
                required(PLANNED_CHANGE.name(), PLANNED_CHANGE.from(task), "describe the change the authorities were informed of");
            }
            if (Boolean.TRUE.equals(CORRECTIVE_ACTION_REQUESTED.from(task))) {
                required(CORRECTIVE_ACTION_REASON.name(), CORRECTIVE_ACTION_REASON.from(task), "say why a corrective action is needed");
            }
        }
        String by = TaskCompleter.required(task, "An investigation step");
        INVESTIGATED_BY.set(task, by);
    }

    private static void required(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, message);
        }
    }
}
