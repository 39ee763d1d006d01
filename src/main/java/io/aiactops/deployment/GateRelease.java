package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_ID;

import io.aiactops.platform.process.TaskRefusal;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** The release a task of the deployment gate is about: the one its process was started for. */
final class GateRelease {

    private GateRelease() {
    }

    /**
     * The release the task's {@code releaseId} names, refused unless it is the release of the task's own
     * process (its business key): a completion through /engine-rest sets the variables it sends before
     * the listeners run, and a {@code releaseId} sent with it would have the task decide another release.
     */
    static Release of(DelegateTask task, ModelReleases releases) {
        Release release = releases.get(RELEASE_ID.required(task));
        String gate = task.getExecution().getProcessBusinessKey();
        if (!ModelDeploymentProcess.businessKey(release.systemId(), release.version()).equals(gate)) {
            throw new TaskRefusal("releaseId: this task is about the release of " + gate + ", which cannot be changed");
        }
        return release;
    }
}
