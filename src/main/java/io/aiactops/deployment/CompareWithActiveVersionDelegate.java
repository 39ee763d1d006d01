package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.INTENDED_PURPOSE_CHANGED;
import static io.aiactops.deployment.ModelDeploymentVariables.LARGEST_METRIC_DROP;
import static io.aiactops.deployment.ModelDeploymentVariables.METRIC_DELTAS;
import static io.aiactops.deployment.ModelDeploymentVariables.PREVIOUS_VERSION;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_ID;
import static io.aiactops.deployment.ModelDeploymentVariables.TRAINING_DATA_CHANGED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the inputs of change-assessment.dmn: metric deltas against the active version and what changed. */
@Component("compareWithActiveVersionDelegate")
public class CompareWithActiveVersionDelegate implements JavaDelegate {

    private final ModelReleases releases;

    public CompareWithActiveVersionDelegate(ModelReleases releases) {
        this.releases = releases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long releaseId = RELEASE_ID.required(execution);
        MetricComparison comparison = releases.compare(releaseId);
        Release release = releases.get(releaseId);
        PREVIOUS_VERSION.set(execution, comparison.activeVersion());
        METRIC_DELTAS.set(execution, comparison.describe());
        LARGEST_METRIC_DROP.set(execution, comparison.largestDrop());
        TRAINING_DATA_CHANGED.set(execution, Boolean.TRUE.equals(release.trainingDataChanged()));
        INTENDED_PURPOSE_CHANGED.set(execution, Boolean.TRUE.equals(release.intendedPurposeChanged()));
    }
}
