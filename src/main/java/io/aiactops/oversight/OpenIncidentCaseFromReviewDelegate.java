package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.OversightReviewVariables.DECIDED_BY;
import static io.aiactops.oversight.OversightReviewVariables.DECISION_REASON;
import static io.aiactops.oversight.OversightReviewVariables.FIRST_SEEN_AT;
import static io.aiactops.oversight.OversightReviewVariables.LATEST_VALUE;
import static io.aiactops.oversight.OversightReviewVariables.METRIC;
import static io.aiactops.oversight.OversightReviewVariables.RATIONALE;

import java.time.Clock;
import java.time.Instant;

import io.aiactops.incidents.IncidentOrigin;
import io.aiactops.incidents.NewIncident;
import io.aiactops.incidents.SeriousIncidentStarter;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import io.aiactops.platform.identity.People;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An overseer decided that the alert is a serious incident: opens the case for the incident managers.
 * The overseer became aware at the decision, in every Member State where the system is used; how many
 * people were affected is not known yet (0), the incident managers complete it.
 */
@Component("openIncidentCaseFromReviewDelegate")
public class OpenIncidentCaseFromReviewDelegate implements JavaDelegate {

    private final SeriousIncidentStarter starter;
    private final Registry registry;
    private final IdentityService identityService;
    private final Clock clock;

    public OpenIncidentCaseFromReviewDelegate(SeriousIncidentStarter starter, Registry registry,
            IdentityService identityService, Clock clock) {
        this.starter = starter;
        this.registry = registry;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AiSystem system = registry.get(AI_SYSTEM_ID.required(execution));
        String overseer = DECIDED_BY.required(execution);
        String contact = People.email(identityService, overseer).orElse(system.providerContact());
        String description = "Reported by an overseer from the review of a monitoring alert on %s (latest value %s; %s): %s"
                .formatted(METRIC.required(execution), LATEST_VALUE.from(execution), RATIONALE.from(execution),
                        DECISION_REASON.required(execution));
        Instant now = clock.instant();
        Instant firstSeen = Instant.parse(FIRST_SEEN_AT.required(execution));
        starter.start(new NewIncident(system.id(), description, firstSeen.isAfter(now) ? now : firstSeen, now, overseer,
                contact, system.memberStates(), 0L, null, IncidentOrigin.OVERSIGHT_REVIEW, false), overseer);
    }
}
