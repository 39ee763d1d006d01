package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.CORRECTIVE_ACTION_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.DUE_AT;
import static io.aiactops.maintenance.CorrectiveActionVariables.DUE_IN_WORDS;
import static io.aiactops.maintenance.CorrectiveActionVariables.REQUESTED_BY;
import static io.aiactops.maintenance.CorrectiveActionVariables.VERIFICATION_WINDOW;

import java.util.Date;

import io.aiactops.calendar.DeadlineWords;
import io.aiactops.calendar.TimeLimits;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the case from the request (API, oversight review, serious incident) and makes its id the business key. */
@Component("openCorrectiveActionDelegate")
public class OpenCorrectiveActionDelegate implements JavaDelegate {

    private final CorrectiveActions actions;
    private final MaintenanceProperties properties;
    private final TimeLimits timeLimits;

    public OpenCorrectiveActionDelegate(CorrectiveActions actions, MaintenanceProperties properties, TimeLimits timeLimits) {
        this.actions = actions;
        this.properties = properties;
        this.timeLimits = timeLimits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestedBy = REQUESTED_BY.from(execution);
        String id = actions.open(CorrectiveActionVariables.request(execution), requestedBy == null ? "aiact-ops" : requestedBy);
        actions.attachProcess(id, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(id);
        CORRECTIVE_ACTION_ID.set(execution, id);
        CorrectiveAction opened = actions.get(id);
        DUE_AT.set(execution, opened.dueAt() == null ? null : Date.from(opened.dueAt()));
        // Due only when an authority ordered it, in that Member State's calendar.
        DUE_IN_WORDS.set(execution, opened.dueAt() == null ? null
                : DeadlineWords.ENGLISH.of(opened.dueAt(), timeLimits.zone(opened.authorityMemberState())));
        VERIFICATION_WINDOW.set(execution, properties.verificationWindow().toString());
    }
}
