package io.aiactops.oversight;

import static io.aiactops.oversight.SystemStopVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.SystemStopVariables.SAFE_STATE_DUE_AT;
import static io.aiactops.oversight.SystemStopVariables.STOPPED_AT;
import static io.aiactops.oversight.SystemStopVariables.STOPPED_BY;
import static io.aiactops.oversight.SystemStopVariables.STOP_ORIGIN;
import static io.aiactops.oversight.SystemStopVariables.STOP_REASON;

import java.time.Clock;
import java.util.Date;

import io.aiactops.platform.process.EngineLogin;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Suspends the system in the starting transaction (the stop is in force when the start returns) and
 * sets by when the serving layer must confirm its safe state.
 */
@Component("suspendAiSystemDelegate")
public class SuspendAiSystemDelegate implements JavaDelegate {

    private final Registry registry;
    private final OversightProperties properties;
    private final Clock clock;

    public SuspendAiSystemDelegate(Registry registry, OversightProperties properties, Clock clock) {
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (STOP_ORIGIN.from(execution) == null) {
            STOP_ORIGIN.set(execution, StopOrigin.TASKLIST.wireName());
        }
        // A person who starts the stop in Tasklist or through /engine-rest is who stopped the system, whatever
        // stoppedBy came with the start: Camunda applies start variables after the initiator. A review's stop
        // runs under the login of the overseer who decided it; our own API starts it with no engine login,
        // naming the person it authenticated.
        EngineLogin.userId(execution).ifPresent(person -> STOPPED_BY.set(execution, person));
        String aiSystemId = AI_SYSTEM_ID.required(execution);
        // The stop's key is its system, whoever started it and with whatever key: the resume checks its
        // aiSystemId against it, since a completion could send another one.
        execution.setProcessBusinessKey(SystemStopProcess.businessKey(aiSystemId));
        AiSystem stopped = registry.suspend(aiSystemId, STOP_REASON.required(execution), STOPPED_BY.required(execution));
        STOPPED_AT.set(execution, stopped.statusChangedAt().toString());
        SAFE_STATE_DUE_AT.set(execution,
                Date.from(clock.instant().plus(properties.safeStateConfirmationTimeout())));
    }
}
