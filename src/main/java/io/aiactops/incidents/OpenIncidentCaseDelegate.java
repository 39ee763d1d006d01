package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFICATION_DUE_AT;
import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFICATION_DUE_IN_WORDS;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.MDR_APPLIES;
import static io.aiactops.incidents.SeriousIncidentVariables.MEMBER_STATES;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORTER;
import static io.aiactops.incidents.SeriousIncidentVariables.STARTED_BY;

import java.time.Instant;
import java.util.Date;

import io.aiactops.platform.identity.People;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens the case from the start variables (API, oversight review or Tasklist start form) and makes
 * its id the business key. Classification is due within the shortest Art. 73 period: until the
 * incident is classified, it might be the 2-day case. A system under a sectoral regime has MDR/IVDR
 * preselected in "Classify incident".
 */
@Component("openIncidentCaseDelegate")
public class OpenIncidentCaseDelegate implements JavaDelegate {

    private final IncidentCases cases;
    private final IdentityService identityService;
    private final IncidentClock clock;

    public OpenIncidentCaseDelegate(IncidentCases cases, IdentityService identityService, IncidentClock clock) {
        this.cases = cases;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String startedBy = STARTED_BY.from(execution);
        NewIncident incident = SeriousIncidentVariables.incident(execution, emailOf(startedBy));
        String id = cases.open(incident, startedBy == null ? incident.reporter() : startedBy);
        cases.attachProcess(id, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(id);
        INCIDENT_ID.set(execution, id);
        REPORTER.set(execution, incident.reporter());
        IncidentCase opened = cases.get(id);
        MEMBER_STATES.set(execution, String.join(", ", opened.memberStates()));
        Instant classificationDue = clock.classificationDue(opened.awareAt());
        CLASSIFICATION_DUE_AT.set(execution, Date.from(classificationDue));
        CLASSIFICATION_DUE_IN_WORDS.set(execution, clock.inWords(classificationDue, opened.memberStates().iterator().next()));
        MDR_APPLIES.set(execution, cases.underSectoralRegime(id));
    }

    private String emailOf(String userId) {
        return People.email(identityService, userId).orElse(null);
    }
}
