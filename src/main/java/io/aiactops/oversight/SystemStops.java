package io.aiactops.oversight;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stop button (Art. 14(4)(e)) and the only starter of {@code system-stop}: the process's first
 * step suspends the system in the starting transaction, so a stop is in force when this returns.
 */
@Service
public class SystemStops {

    private final RuntimeService runtimeService;
    private final Registry registry;
    private final LogRegister register;
    private final Clock clock;

    SystemStops(RuntimeService runtimeService, Registry registry, LogRegister register, Clock clock) {
        this.runtimeService = runtimeService;
        this.registry = registry;
        this.register = register;
        this.clock = clock;
    }

    /** What the serving layer polls: may the system operate? */
    public record OperationalStatus(boolean operational, SystemStatus status, String reason, Instant since, String by) {
    }

    @Transactional(readOnly = true)
    public OperationalStatus status(String aiSystemId) {
        AiSystem system = registry.get(aiSystemId);
        return new OperationalStatus(system.operational(), system.status(), system.statusReason(),
                system.statusChangedAt(), system.statusChangedBy());
    }

    @Transactional
    public OperationalStatus stop(String aiSystemId, String reason, String stoppedBy, StopOrigin origin) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "a reason is required to stop an AI system");
        }
        AiSystem system = registry.get(aiSystemId);
        if (system.status() != SystemStatus.ACTIVE) {
            throw new ConflictException("AI system '" + aiSystemId + "' is already " + system.status() + " since "
                    + system.statusChangedAt() + " (by " + system.statusChangedBy() + ")");
        }
        runtimeService.startProcessInstanceByKey(SystemStopProcess.KEY, SystemStopProcess.businessKey(aiSystemId),
                SystemStopVariables.start(aiSystemId, reason, stoppedBy, origin));
        return status(aiSystemId);
    }

    /**
     * The serving layer reports its safe state: recorded in the register and handed to the waiting
     * stop process, if any (a late confirmation after the escalation is still recorded).
     */
    @Transactional
    public Map<String, Object> confirmSafeState(String aiSystemId, String confirmedBy, String detail) {
        AiSystem system = registry.get(aiSystemId);
        if (system.status() != SystemStatus.SUSPENDED) {
            throw new ConflictException("AI system '" + aiSystemId + "' is " + system.status() + ", not stopped");
        }
        Instant now = clock.instant();
        SafeStateConfirmed confirmed = new SafeStateConfirmed(now.toString(), detail);
        register.record(aiSystemId, LogEventType.SAFE_STATE_CONFIRMED, confirmedBy, confirmed);
        int correlated = runtimeService.createMessageCorrelation(SystemStopProcess.MESSAGE_SAFE_STATE_CONFIRMED)
                .processInstanceVariableEquals(SystemStopVariables.AI_SYSTEM_ID.name(), aiSystemId)
                .setVariables(SystemStopVariables.confirmation(now.toString(), confirmedBy))
                .correlateAllWithResult().size();
        // The answer: what was recorded, and whether a stop process was waiting for it.
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("confirmedAt", confirmed.confirmedAt());
        answer.put("detail", confirmed.detail());
        answer.put("stopProcessWaiting", correlated > 0);
        return answer;
    }
}
