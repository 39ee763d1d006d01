package io.aiactops.logs;

import java.util.LinkedHashMap;
import java.util.Map;

import io.aiactops.registry.AiSystemChanged;
import io.aiactops.registry.AiSystemRegistered;
import io.aiactops.registry.AiSystemStatusChanged;
import io.aiactops.registry.SystemStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Opens a chain for each registered system and records every change of its registration and status. */
@Component
class RegistryChangesRecorder {

    private final LogRegister register;

    RegistryChangesRecorder(LogRegister register) {
        this.register = register;
    }

    @EventListener
    void on(AiSystemRegistered registered) {
        register.openChain(registered.system().id());
        register.record(registered.system().id(), LogEventType.CONFIGURATION_CHANGED, registered.actor(),
                Map.of("change", "registered", "registration", registered.system()));
    }

    @EventListener
    void on(AiSystemChanged changed) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changed.changes().forEach((field, change) -> {
            Map<String, Object> beforeAndAfter = new LinkedHashMap<>();
            beforeAndAfter.put("before", change.before());
            beforeAndAfter.put("after", change.after());
            changes.put(field, beforeAndAfter);
        });
        register.record(changed.system().id(), LogEventType.CONFIGURATION_CHANGED, changed.actor(),
                Map.of("change", "registration changed", "changes", changes));
    }

    @EventListener
    void on(AiSystemStatusChanged changed) {
        SystemStatus status = changed.system().status();
        LogEventType type = switch (status) {
            case SUSPENDED -> LogEventType.SYSTEM_STOPPED;
            case ACTIVE -> LogEventType.SYSTEM_RESUMED;
            case WITHDRAWN -> LogEventType.CONFIGURATION_CHANGED;
        };
        register.record(changed.system().id(), type, changed.actor(), Map.of("status", status.name(),
                "previousStatus", changed.previousStatus().name(), "reason", changed.reason()));
    }
}
