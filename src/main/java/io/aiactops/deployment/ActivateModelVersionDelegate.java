package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.AI_SYSTEM_ID;
import static io.aiactops.deployment.ModelDeploymentVariables.HOLD_MESSAGE;
import static io.aiactops.deployment.ModelDeploymentVariables.MODEL_VERSION;
import static io.aiactops.deployment.ModelDeploymentVariables.PREVIOUS_VERSION;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_ID;

import java.util.List;
import java.util.stream.Collectors;

import io.aiactops.logs.EvidenceHold;
import io.aiactops.registry.ModelVersion;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the approved version into service. Under an evidence hold this is a business outcome, not a
 * failure: a BpmnError that makes the gate wait and check again. The holds are read before anything
 * is written, because an exception out of a transactional service would doom the job's transaction.
 */
@Component("activateModelVersionDelegate")
public class ActivateModelVersionDelegate implements JavaDelegate {

    private final ModelReleases releases;

    public ActivateModelVersionDelegate(ModelReleases releases) {
        this.releases = releases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String systemId = AI_SYSTEM_ID.required(execution);
        List<EvidenceHold> holds = releases.holds(systemId);
        if (!holds.isEmpty()) {
            String message = "Model version " + MODEL_VERSION.required(execution) + " of '" + systemId
                    + "' cannot be activated while the system is under "
                    + holds.stream().map(EvidenceHold::describe).collect(Collectors.joining(" and "));
            HOLD_MESSAGE.set(execution, message);
            throw new BpmnError(ModelDeploymentProcess.ERROR_SYSTEM_HELD, message);
        }
        // A hold placed since the read above makes activate() refuse; the job fails and its retry waits here.
        ModelVersion activated = releases.activate(RELEASE_ID.required(execution));
        PREVIOUS_VERSION.set(execution, activated.previousVersion());
        HOLD_MESSAGE.remove(execution);
    }
}
