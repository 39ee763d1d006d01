package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.DECIDED_BY;
import static io.aiactops.deployment.ModelDeploymentVariables.DECISION_REASON;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_DECISION;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_ID;
import static io.aiactops.deployment.ModelDeploymentVariables.REJECTION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the go or no-go with the release; a no-go becomes the reason of the rejection. */
@Component("recordReleaseDecisionDelegate")
public class RecordReleaseDecisionDelegate implements JavaDelegate {

    private final ModelReleases releases;

    public RecordReleaseDecisionDelegate(ModelReleases releases) {
        this.releases = releases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean go = ModelDeploymentProcess.GO.equals(RELEASE_DECISION.required(execution));
        String reason = DECISION_REASON.required(execution);
        String decidedBy = DECIDED_BY.required(execution);
        releases.recordDecision(RELEASE_ID.required(execution), go, reason, decidedBy);
        if (!go) {
            REJECTION_REASON.set(execution, "No-go by " + decidedBy + ": " + reason);
        }
    }
}
