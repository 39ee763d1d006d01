package io.aiactops.deployment;

import io.aiactops.platform.process.TaskRefusal;
import static io.aiactops.deployment.ModelDeploymentVariables.CONFORMITY_ASSESSMENT_NOTE;
import static io.aiactops.deployment.ModelDeploymentVariables.DECIDED_BY;

import io.aiactops.platform.process.TaskCompleter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Arrange a new conformity assessment" needs a note of what was arranged and a named person, about its own release. */
@Component("checkConformityReferralListener")
public class CheckConformityReferralListener implements TaskListener {

    private final ModelReleases releases;

    public CheckConformityReferralListener(ModelReleases releases) {
        this.releases = releases;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = TaskCompleter.of(task);
        if (by == null) {
            throw new TaskRefusal("Claim the task first: the referral is recorded with your name");
        }
        String note = CONFORMITY_ASSESSMENT_NOTE.from(task);
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new TaskRefusal("conformityAssessmentNote: say how the new conformity assessment is arranged (at most 2000 characters)");
        }
        GateRelease.of(task, releases);
        DECIDED_BY.set(task, by);
    }
}
