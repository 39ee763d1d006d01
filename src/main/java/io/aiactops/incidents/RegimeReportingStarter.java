package io.aiactops.incidents;

import java.util.List;
import java.util.Map;

import io.aiactops.regimes.Regime;
import io.aiactops.regimes.RegimeChoice;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only place {@code regime-reporting} is started: one instance per regime a case newly runs, its
 * business key the case id, with the clocks of the stages that run from the start.
 */
@Component
public class RegimeReportingStarter {

    private final RuntimeService runtimeService;
    private final RegimeReporting reporting;
    private final IncidentsProperties.Reminders reminders;

    RegimeReportingStarter(RuntimeService runtimeService, RegimeReporting reporting, IncidentsProperties properties) {
        this.runtimeService = runtimeService;
        this.reporting = reporting;
        this.reminders = properties.reminders();
    }

    /** Records the regimes the case does not run yet and starts their reporting; returns them. */
    @Transactional
    public List<Regime> start(String caseId, String aiSystemId, List<RegimeChoice> choices, String actor) {
        List<Regime> added = reporting.start(caseId, choices, actor);
        for (Regime regime : added) {
            Map<String, Object> variables = RegimeReportingVariables.start(caseId, aiSystemId, regime);
            variables.putAll(RegimeReportingVariables.clocks(reporting.clocks(caseId, regime), reminders));
            runtimeService.startProcessInstanceByKey(RegimeReportingProcess.KEY, caseId, variables);
        }
        return added;
    }
}
