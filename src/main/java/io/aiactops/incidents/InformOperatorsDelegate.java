package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.AI_SYSTEM_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;

import java.util.ArrayList;
import java.util.List;

import io.aiactops.notification.Mailer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Art. 20 information after the first report: each deployer, distributor, importer and authorised
 * representative gets its own mail. Each outcome is tracked; if any failed, the job fails once all were
 * tried, and its retry mails only those not yet informed.
 */
@Component("informOperatorsDelegate")
public class InformOperatorsDelegate implements JavaDelegate {

    private final OperatorNotifications notifications;
    private final IncidentCases cases;
    private final Mailer mailer;

    public InformOperatorsDelegate(OperatorNotifications notifications, IncidentCases cases, Mailer mailer) {
        this.notifications = notifications;
        this.cases = cases;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        IncidentCase incident = cases.get(caseId);
        List<String> failures = new ArrayList<>();
        for (OperatorNotifications.Recipient recipient : notifications.pending(caseId)) {
            try {
                String messageId = mailer.send(List.of(recipient.email()),
                        "Serious incident %s on AI system %s reported to the authorities".formatted(caseId,
                                AI_SYSTEM_ID.required(execution)),
                        """
                        Dear %s,

                        As provider of the high-risk AI system %s, we inform you as %s (Art. 20 of Regulation (EU) 2024/1689)
                        that serious incident %s has been reported to the market surveillance authorities of %s.

                        What happened: %s
                        Occurred at (UTC): %s

                        The system's evidence is held while the incident is investigated. We will inform you of the
                        corrective actions taken. Please quote %s in any reply.
                        """.formatted(recipient.name(), incident.aiSystemId(),
                                recipient.role().toLowerCase().replace('_', ' '), caseId,
                                String.join(", ", incident.memberStates()), incident.description(), incident.occurredAt(),
                                caseId));
                notifications.sent(recipient, messageId);
            } catch (RuntimeException e) {
                notifications.failed(recipient, e.getMessage());
                failures.add(recipient.email() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not inform " + failures.size() + " operator(s) of " + caseId + ": " + failures);
        }
    }
}
