package io.aiactops.maintenance;

import io.aiactops.oversight.StopOrigin;
import io.aiactops.oversight.SystemStops;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a system out of service for a corrective action: stopped exactly as by the stop button
 * (suspended at once, the serving layer's webhook called, its safe state awaited), unless it is stopped
 * already; a withdrawal then marks it WITHDRAWN, from which it cannot be resumed.
 */
@Service
public class OutOfService {

    private final SystemStops stops;
    private final Registry registry;

    public OutOfService(SystemStops stops, Registry registry) {
        this.stops = stops;
        this.registry = registry;
    }

    @Transactional
    public void takeOutOfService(String systemId, String actionId, CorrectiveActionType type, String rationale, String by) {
        String reason = "corrective action " + actionId + " (" + type.wireName() + "): " + rationale;
        if (registry.get(systemId).status() == SystemStatus.ACTIVE) {
            stops.stop(systemId, reason, by, StopOrigin.CORRECTIVE_ACTION);
        }
        if (type == CorrectiveActionType.WITHDRAW && registry.get(systemId).status() != SystemStatus.WITHDRAWN) {
            registry.withdraw(systemId, reason, by);
        }
    }
}
