package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.AI_SYSTEM_ID;
import static io.aiactops.deployment.ModelDeploymentVariables.MODEL_VERSION;
import static io.aiactops.deployment.ModelDeploymentVariables.PREVIOUS_VERSION;

import java.util.List;

import io.aiactops.notification.Mailer;
import io.aiactops.registry.Deployer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the system's deployers (registry) that a new model version is in service. */
@Component("notifyDeployersDelegate")
public class NotifyDeployersDelegate implements JavaDelegate {

    private final ModelReleases releases;
    private final Mailer mailer;

    public NotifyDeployersDelegate(ModelReleases releases, Mailer mailer) {
        this.releases = releases;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String systemId = AI_SYSTEM_ID.required(execution);
        String version = MODEL_VERSION.required(execution);
        List<Deployer> deployers = releases.deployers(systemId);
        if (deployers.isEmpty()) {
            return;
        }
        String previous = PREVIOUS_VERSION.from(execution);
        mailer.send(deployers.stream().map(Deployer::email).distinct().toList(),
                "AI system %s: model version %s is in service".formatted(systemId, version),
                """
                Dear deployer,

                Model version %s of the high-risk AI system %s is in service since its release was approved%s.

                The instructions for use are being updated for this version; you will receive them once they are
                regenerated. Until then the current instructions apply. Please report anything unexpected to the
                provider as usual.
                """.formatted(version, systemId, previous == null ? "" : " (it replaces version " + previous + ")"));
    }
}
