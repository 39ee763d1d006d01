package io.aiactops.oversight;

import io.aiactops.platform.process.TaskRefusal;
import io.aiactops.platform.process.TaskCompleter;
import static io.aiactops.oversight.SystemStopVariables.RESUMED_BY;
import static io.aiactops.oversight.SystemStopVariables.RESUME_REASON;
import static io.aiactops.oversight.SystemStopVariables.AI_SYSTEM_ID;

import io.aiactops.registry.Registry;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on a resume: whoever stopped the system may not resume it; a reason is required. Who stopped
 * it is read from the registry, which recorded the stop, not from a process variable: a completion
 * through /engine-rest sets the variables it sends before this listener runs.
 */
@Component("refuseSelfResumeListener")
public class RefuseSelfResumeListener implements TaskListener {

    private final Registry registry;

    public RefuseSelfResumeListener(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
        String resumedBy = TaskCompleter.required(task, "Resuming a system");
        String aiSystemId = AI_SYSTEM_ID.required(task);
        String stop = task.getExecution().getProcessBusinessKey();
        if (!SystemStopProcess.businessKey(aiSystemId).equals(stop)) {
            throw new TaskRefusal("aiSystemId: this task resumes " + stop + ", which cannot be changed");
        }
        if (resumedBy.equals(registry.get(aiSystemId).statusChangedBy())) {
            throw new TaskRefusal("You stopped this AI system, so another process owner must resume it");
        }
        String reason = RESUME_REASON.from(task);
        if (reason == null || reason.isBlank()) {
            throw new TaskRefusal("Give the reason for resuming; it is recorded in the log register");
        }
        RESUMED_BY.set(task, resumedBy);
    }
}
