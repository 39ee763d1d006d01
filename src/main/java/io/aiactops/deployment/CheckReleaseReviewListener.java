package io.aiactops.deployment;

import io.aiactops.platform.process.TaskRefusal;
import static io.aiactops.deployment.ModelDeploymentVariables.DECIDED_BY;
import static io.aiactops.deployment.ModelDeploymentVariables.DECISION_REASON;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_DECISION;

import io.aiactops.platform.process.TaskCompleter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on a release: whoever requested it, or supplied any of its evidence, may not decide it.
 * Enforced when the task completes, so it holds in Tasklist and through /engine-rest alike, and checked
 * against the release's records, not against process variables: a completion through /engine-rest
 * sets the variables it sends before this listener runs, so a variable would say whatever it was told.
 */
@Component("checkReleaseReviewListener")
public class CheckReleaseReviewListener implements TaskListener {

    private final ModelReleases releases;

    public CheckReleaseReviewListener(ModelReleases releases) {
        this.releases = releases;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = TaskCompleter.required(task, "A release");
        Release release = GateRelease.of(task, releases);
        if (reviewer.equals(release.requestedBy())) {
            throw new TaskRefusal("You requested this release, so another process owner must decide it (four eyes)");
        }
        if (releases.evidence(release.id()).stream().anyMatch(evidence -> reviewer.equals(evidence.suppliedBy()))) {
            throw new TaskRefusal("You supplied this release's evidence, so another process owner must decide it (four eyes)");
        }
        String decision = RELEASE_DECISION.from(task);
        if (!ModelDeploymentProcess.GO.equals(decision) && !ModelDeploymentProcess.NO_GO.equals(decision)) {
            throw new TaskRefusal("releaseDecision: choose go or no-go");
        }
        String reason = DECISION_REASON.from(task);
        if (reason == null || reason.isBlank()) {
            throw new TaskRefusal("decisionReason: give the reason for the decision; it is recorded with the version");
        }
        if (reason.length() > 2000) {
            throw new TaskRefusal("decisionReason: at most 2000 characters");
        }
        DECIDED_BY.set(task, reviewer);
    }
}
