package io.aiactops.maintenance;

import io.aiactops.correctiveaction.CorrectiveActionRequested;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a {@code corrective-action} case for every {@link CorrectiveActionRequested} event (a serious
 * incident, an overseer's review, a post-market review), by the start message
 * {@value CorrectiveActionProcess#MESSAGE_REQUESTED}, in the requesting transaction: a request is never
 * recorded without its case, nor the other way round. Fails, and so rolls the request back, when no
 * corrective-action process is deployed.
 */
@Component
public class CorrectiveActionRequestCorrelation {

    private final RuntimeService runtimeService;

    public CorrectiveActionRequestCorrelation(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    public void on(CorrectiveActionRequested request) {
        runtimeService.createMessageCorrelation(CorrectiveActionProcess.MESSAGE_REQUESTED)
                .setVariables(CorrectiveActionVariables.handedOver(request))
                .correlateStartMessage();
    }
}
