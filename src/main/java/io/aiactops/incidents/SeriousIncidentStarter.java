package io.aiactops.incidents;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only place {@code serious-incident} is started from code (the Tasklist start form is the other
 * way in). The process's first step opens the case in the starting transaction, so the case id is
 * known, and committed, when this returns.
 */
@Component
public class SeriousIncidentStarter {

    private final RuntimeService runtimeService;
    private final IncidentCases cases;

    SeriousIncidentStarter(RuntimeService runtimeService, IncidentCases cases) {
        this.runtimeService = runtimeService;
        this.cases = cases;
    }

    /** Opens a case for the incident, reported by {@code actor}; returns the case id. */
    @Transactional
    public String start(NewIncident incident, String actor) {
        // Refused here with the field named, before the engine wraps anything.
        cases.validate(incident);
        Map<String, Object> variables = SeriousIncidentVariables.start(incident);
        SeriousIncidentVariables.STARTED_BY.put(variables, actor);
        return SeriousIncidentVariables.INCIDENT_ID.from(runtimeService.createProcessInstanceByKey(SeriousIncidentProcess.KEY)
                .setVariables(variables).executeWithVariablesInReturn().getVariables());
    }
}
