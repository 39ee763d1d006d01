package io.aiactops.incidents;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Hands a case waiting to close the message {@value SeriousIncidentProcess#MESSAGE_OTHER_REGIMES_FINISHED} once
 * every regime it started is finished or waived. A case that is not waiting yet checks for itself when it gets
 * there, so finding nobody waiting is not an error.
 */
@Component
public class OtherRegimesFinishedCorrelation {

    private final RuntimeService runtimeService;
    private final RegimeReporting reporting;

    public OtherRegimesFinishedCorrelation(RuntimeService runtimeService, RegimeReporting reporting) {
        this.runtimeService = runtimeService;
        this.reporting = reporting;
    }

    public void ifAllDone(String caseId) {
        if (reporting.unfinished(caseId).isEmpty()) {
            runtimeService.createMessageCorrelation(SeriousIncidentProcess.MESSAGE_OTHER_REGIMES_FINISHED)
                    .processInstanceBusinessKey(caseId).correlateAll();
        }
    }
}
