package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.CONFORMITY_ASSESSMENT_NOTE;
import static io.aiactops.deployment.ModelDeploymentVariables.DECIDED_BY;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the release as needing a new conformity assessment; the version stays a CANDIDATE. */
@Component("recordConformityReferralDelegate")
public class RecordConformityReferralDelegate implements JavaDelegate {

    private final ModelReleases releases;

    public RecordConformityReferralDelegate(ModelReleases releases) {
        this.releases = releases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        releases.referToConformityAssessment(RELEASE_ID.required(execution), CONFORMITY_ASSESSMENT_NOTE.required(execution),
                DECIDED_BY.required(execution));
    }
}
