package io.aiactops.deployment;

import java.util.List;
import java.util.stream.Collectors;

import io.aiactops.logs.EvidenceHold;
import io.aiactops.logs.EvidenceHolds;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a candidate model version into service: the previous ACTIVE version is retired and the change
 * is recorded in the log register. Refused while the system is under an evidence hold, since
 * Art. 73(6) forbids altering a system under investigation before the authorities are informed.
 */
@Service
public class ModelVersionActivation {

    private final EvidenceHolds holds;
    private final Registry registry;
    private final LogRegister register;

    ModelVersionActivation(EvidenceHolds holds, Registry registry, LogRegister register) {
        this.holds = holds;
        this.registry = registry;
        this.register = register;
    }

    /**
     * Activates the candidate {@code version} of the system as approved by {@code approver}. Unknown
     * system or version: 404; an active evidence hold or a version that is not a CANDIDATE: 409, and
     * nothing changes.
     */
    @Transactional
    public ModelVersion activate(String systemId, String version, String approver, String reason) {
        // Holds are placed under the chain head's lock: holding it, no hold can appear before this commits.
        List<EvidenceHold> active = holds.lockActive(systemId);
        registry.modelVersion(systemId, version); // an unknown version is a 404 even while the system is held
        if (!active.isEmpty()) {
            throw new SystemUnderHoldException("Model version " + version + " of '" + systemId
                    + "' cannot be activated while the system is under "
                    + active.stream().map(EvidenceHold::describe).collect(Collectors.joining(" and ")));
        }
        ModelVersion activated = registry.activateModelVersion(systemId, version, approver, reason);
        register.record(systemId, LogEventType.MODEL_VERSION_CHANGED, approver,
                new ModelVersionChanged(activated.previousVersion(), activated.version(), approver, reason));
        return activated;
    }
}
