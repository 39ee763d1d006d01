package io.aiactops.oversight;

import static io.aiactops.oversight.SystemStopVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.SystemStopVariables.RESUMED_BY;
import static io.aiactops.oversight.SystemStopVariables.RESUME_REASON;

import io.aiactops.registry.Registry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lets the system operate again (recorded in the register as system_resumed). */
@Component("resumeAiSystemDelegate")
public class ResumeAiSystemDelegate implements JavaDelegate {

    private final Registry registry;

    public ResumeAiSystemDelegate(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registry.resume(AI_SYSTEM_ID.required(execution), RESUME_REASON.required(execution), RESUMED_BY.required(execution));
    }
}
