package io.aiactops.oversight;

import java.time.Instant;
import java.util.Optional;

import io.aiactops.registry.Registry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The only place reviews start. One open review per system and metric: a breach of a metric that
 * already has one is correlated to it. Callers hold the system's log-chain lock (they have just
 * recorded the breach), so two breaches of one system never both start a review.
 */
@Component
public class OversightReviewStarter {

    private final RuntimeService runtimeService;
    private final Registry registry;

    OversightReviewStarter(RuntimeService runtimeService, Registry registry) {
        this.runtimeService = runtimeService;
        this.registry = registry;
    }

    /** Opens a review or adds the breach to the open one; returns the review's process instance id. */
    public String onBreach(Breach breach) {
        Optional<ProcessInstance> open = openReview(breach.aiSystemId(), breach.metric());
        if (open.isPresent()) {
            runtimeService.createMessageCorrelation(OversightReviewProcess.MESSAGE_BREACH_RECURRED)
                    .processInstanceId(open.get().getId())
                    .setVariablesLocal(OversightReviewVariables.recurrence(breach))
                    .correlateWithResult();
            return open.get().getId();
        }
        String knownLimitations = registry.get(breach.aiSystemId()).knownLimitations();
        return runtimeService.startProcessInstanceByKey(OversightReviewProcess.KEY,
                OversightReviewProcess.businessKey(breach.aiSystemId(), breach.metric()),
                OversightReviewVariables.start(breach, knownLimitations)).getId();
    }

    /** Shows on the open review that the alert behind it resolved; returns whether there was one. */
    public boolean onAlertResolved(String aiSystemId, String metric, Instant resolvedAt) {
        Optional<ProcessInstance> open = openReview(aiSystemId, metric);
        open.ifPresent(review -> runtimeService.createMessageCorrelation(OversightReviewProcess.MESSAGE_ALERT_RESOLVED)
                .processInstanceId(review.getId())
                .setVariableLocal(OversightReviewVariables.INCOMING_RESOLVED_AT.name(), resolvedAt.toString())
                .correlateWithResult());
        return open.isPresent();
    }

    private Optional<ProcessInstance> openReview(String aiSystemId, String metric) {
        return runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(OversightReviewProcess.KEY)
                .processInstanceBusinessKey(OversightReviewProcess.businessKey(aiSystemId, metric))
                .list().stream().findFirst();
    }
}
