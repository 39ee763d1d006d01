package io.aiactops.incidents;

import io.aiactops.regimes.Regime;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Waives a regime of a case, with the reason: records it, ends the regime's reporting wherever it stands
 * (message {@value RegimeReportingProcess#MESSAGE_REGIME_WAIVED}: its open stage task and timers go), and lets
 * a case waiting for its regimes close when this was the last one.
 */
@Component
public class RegimeWaiver {

    private final RegimeReporting reporting;
    private final RuntimeService runtimeService;
    private final OtherRegimesFinishedCorrelation regimesFinished;

    RegimeWaiver(RegimeReporting reporting, RuntimeService runtimeService, OtherRegimesFinishedCorrelation regimesFinished) {
        this.reporting = reporting;
        this.runtimeService = runtimeService;
        this.regimesFinished = regimesFinished;
    }

    @Transactional
    public void waive(String caseId, Regime regime, String reason, String actor) {
        reporting.waive(caseId, regime, reason, actor);
        runtimeService.createMessageCorrelation(RegimeReportingProcess.MESSAGE_REGIME_WAIVED).processInstanceBusinessKey(caseId)
                .processInstanceVariableEquals(RegimeReportingVariables.REGIME.name(), regime.wireName()).correlateAll();
        regimesFinished.ifAllDone(caseId);
    }
}
