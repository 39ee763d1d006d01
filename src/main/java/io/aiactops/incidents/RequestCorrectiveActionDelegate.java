package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.AI_SYSTEM_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFIED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.CORRECTIVE_ACTION_REASON;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.INVESTIGATED_BY;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands the decision on a corrective action over to the corrective-action process by its start
 * message when one is deployed; the request is recorded in the register either way, so that it is
 * never lost while no such process exists.
 */
@Component("requestCorrectiveActionDelegate")
public class RequestCorrectiveActionDelegate implements JavaDelegate {

    private final IncidentCases cases;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    public RequestCorrectiveActionDelegate(IncidentCases cases, RepositoryService repositoryService,
            RuntimeService runtimeService) {
        this.cases = cases;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        String reason = CORRECTIVE_ACTION_REASON.required(execution);
        String by = INVESTIGATED_BY.from(execution) == null ? CLASSIFIED_BY.required(execution) : INVESTIGATED_BY.from(execution);
        boolean handedOver = repositoryService.createProcessDefinitionQuery()
                .messageEventSubscriptionName(SeriousIncidentProcess.MESSAGE_CORRECTIVE_ACTION_REQUESTED).latestVersion()
                .count() > 0;
        if (handedOver) {
            runtimeService.createMessageCorrelation(SeriousIncidentProcess.MESSAGE_CORRECTIVE_ACTION_REQUESTED)
                    .processInstanceBusinessKey(caseId)
                    .setVariable("aiSystemId", AI_SYSTEM_ID.required(execution))
                    .setVariable("reason", reason)
                    .setVariable("origin", "serious_incident")
                    .setVariable("reference", caseId)
                    .setVariable("requestedBy", by)
                    .correlateStartMessage();
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reason", reason);
        request.put("handedOverTo", handedOver ? "corrective-action process" : "recorded until a corrective-action process is deployed");
        cases.recordStep(caseId, "corrective_action_requested", request, by);
    }
}
