package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.CHANGE_ASSESSMENT;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Keeps the outcome of change-assessment.dmn with the release, for the version chain. */
@Component("recordChangeAssessmentListener")
public class RecordChangeAssessmentListener implements ExecutionListener {

    private final ModelReleases releases;

    public RecordChangeAssessmentListener(ModelReleases releases) {
        this.releases = releases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        releases.recordAssessment(RELEASE_ID.required(execution), CHANGE_ASSESSMENT.required(execution));
    }
}
