package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.DECIDED_BY;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_ID;
import static io.aiactops.deployment.ModelDeploymentVariables.REJECTION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The candidate becomes REJECTED with the reason: by a process owner's no-go, or by the gate for a failed CI/CD run. */
@Component("rejectModelVersionDelegate")
public class RejectModelVersionDelegate implements JavaDelegate {

    /** Who rejects when nobody decided: the automatic check. */
    static final String GATE = "deployment-gate";

    private final ModelReleases releases;

    public RejectModelVersionDelegate(ModelReleases releases) {
        this.releases = releases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String by = DECIDED_BY.from(execution);
        releases.reject(RELEASE_ID.required(execution), REJECTION_REASON.required(execution), by == null ? GATE : by);
    }
}
