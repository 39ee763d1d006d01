package io.aiactops.maintenance;

import static io.aiactops.maintenance.PostMarketReviewVariables.CONCLUSIONS;
import static io.aiactops.maintenance.PostMarketReviewVariables.CORRECTIVE_ACTION_NEEDED;
import static io.aiactops.maintenance.PostMarketReviewVariables.CORRECTIVE_ACTION_REASON;
import static io.aiactops.maintenance.PostMarketReviewVariables.RISK_REGISTER_NOTES;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGNED_OFF_AT;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGNED_OFF_BY;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGNED_OFF_NAME;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGN_OFF_ROLE;

import java.time.Clock;

import io.aiactops.platform.process.ProcessVariable;
import io.aiactops.platform.process.TaskCompleter;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.identity.People;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses "Review post-market report" without conclusions, a sign-off role, or a reason for a
 * requested corrective action; stamps who signed it off (user id and name) and when.
 */
@Component("checkPostMarketReviewListener")
public class CheckPostMarketReviewListener implements TaskListener {

    private final Clock clock;

    public CheckPostMarketReviewListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        required(task, CONCLUSIONS, "the conclusions of the review", 8000);
        optional(task, RISK_REGISTER_NOTES, 8000);
        required(task, SIGN_OFF_ROLE, "the role you sign off in, e.g. Head of AI quality", 200);
        if (Boolean.TRUE.equals(CORRECTIVE_ACTION_NEEDED.from(task))) {
            required(task, CORRECTIVE_ACTION_REASON, "why a corrective action is needed", 4000);
        } else {
            CORRECTIVE_ACTION_NEEDED.set(task, false);
        }
        String userId = TaskCompleter.required(task, "Signing off a post-market report");
        SIGNED_OFF_BY.set(task, userId);
        SIGNED_OFF_NAME.set(task, People.displayName(task.getProcessEngineServices().getIdentityService(), userId));
        SIGNED_OFF_AT.set(task, clock.instant().toString());
    }

    private static void required(DelegateTask task, ProcessVariable<String> variable, String what, int max) {
        String value = variable.from(task);
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(variable.name(), "is required: " + what);
        }
        optional(task, variable, max);
    }

    private static void optional(DelegateTask task, ProcessVariable<String> variable, int max) {
        String value = variable.from(task);
        if (value != null && value.length() > max) {
            throw new InvalidFieldException(variable.name(), "must be at most " + max + " characters");
        }
    }
}
