package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.AI_SYSTEM_ID;
import static io.aiactops.deployment.ModelDeploymentVariables.MODEL_VERSION;
import static io.aiactops.deployment.ModelDeploymentVariables.REJECTION_REASON;
import static io.aiactops.deployment.ModelDeploymentVariables.REQUESTED_BY;

import java.util.List;
import java.util.Optional;

import io.aiactops.notification.Mailer;
import io.aiactops.platform.identity.People;
import io.aiactops.platform.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the requester that the release was rejected and why. A requester without an address (the
 * MLflow integration's machine user) is replaced by the process owners, so the news reaches a person.
 */
@Component("notifyRequesterDelegate")
public class NotifyRequesterDelegate implements JavaDelegate {

    private final Mailer mailer;
    private final IdentityService identityService;

    public NotifyRequesterDelegate(Mailer mailer, IdentityService identityService) {
        this.mailer = mailer;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requester = REQUESTED_BY.required(execution);
        String subject = "Release of model version %s of %s rejected".formatted(MODEL_VERSION.required(execution),
                AI_SYSTEM_ID.required(execution));
        String text = """
                The release of model version %s of the AI system %s, requested by %s, was rejected.

                %s

                The version is REJECTED in the registry and cannot be activated. Register a corrected version to try again.
                """.formatted(MODEL_VERSION.required(execution), AI_SYSTEM_ID.required(execution), requester,
                REJECTION_REASON.required(execution));
        Optional<String> email = People.email(identityService, requester);
        if (email.isPresent()) {
            mailer.send(List.of(email.get()), subject, text);
        } else {
            mailer.toGroups(List.of(Roles.PROCESS_OWNERS), subject, text);
        }
    }
}
