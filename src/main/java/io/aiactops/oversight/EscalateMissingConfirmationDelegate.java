package io.aiactops.oversight;

import static io.aiactops.oversight.SystemStopVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.SystemStopVariables.STOPPED_AT;
import static io.aiactops.oversight.SystemStopVariables.STOPPED_BY;
import static io.aiactops.oversight.SystemStopVariables.STOP_REASON;

import java.util.List;

import io.aiactops.notification.Mailer;
import io.aiactops.platform.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails process owners and overseers that the serving layer has not confirmed a stop (async, retried). */
@Component("escalateMissingConfirmationDelegate")
public class EscalateMissingConfirmationDelegate implements JavaDelegate {

    private final Mailer mailer;

    public EscalateMissingConfirmationDelegate(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String system = AI_SYSTEM_ID.required(execution);
        mailer.toGroups(List.of(Roles.PROCESS_OWNERS, Roles.OVERSEERS),
                "[aiact-ops] Stop of " + system + " not confirmed by its serving layer",
                """
                The AI system was stopped, but its serving layer has not confirmed that it is in its safe state.
                Check that the serving layer polls GET /api/systems/%s/operational-status and stops serving.

                AI system:  %s
                Stopped at: %s by %s
                Reason:     %s
                """.formatted(system, system, STOPPED_AT.from(execution), STOPPED_BY.from(execution),
                        STOP_REASON.from(execution)));
    }
}
