package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;

import java.util.List;

import io.aiactops.notification.Mailer;
import io.aiactops.notification.TrackedMail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Art. 20 information after the first report: each deployer, distributor, importer and authorised
 * representative gets its own mail, each outcome tracked; a retry mails only those not yet informed.
 */
@Component("informOperatorsDelegate")
public class InformOperatorsDelegate implements JavaDelegate {

    private final OperatorNotifications operators;
    private final IncidentCases cases;
    private final TrackedMail trackedMail;
    private final Mailer mailer;

    public InformOperatorsDelegate(OperatorNotifications operators, IncidentCases cases, TrackedMail trackedMail,
            Mailer mailer) {
        this.operators = operators;
        this.cases = cases;
        this.trackedMail = trackedMail;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        IncidentCase incident = cases.get(caseId);
        trackedMail.sendToEach(caseId, () -> operators.everyone(caseId), (recipient, token) -> mailer.send(
                List.of(recipient.email()),
                "Serious incident %s on AI system %s reported to the authorities".formatted(caseId, incident.aiSystemId()),
                """
                Dear %s,

                As provider of the high-risk AI system %s, we inform you as %s (Art. 20 of Regulation (EU) 2024/1689)
                that serious incident %s has been reported to the market surveillance authorities of %s.

                What happened: %s
                Occurred at (UTC): %s

                The system's evidence is held while the incident is investigated. We will inform you of the
                corrective actions taken. Please quote %s in any reply.
                """.formatted(recipient.name(), incident.aiSystemId(), recipient.role().toLowerCase().replace('_', ' '),
                        caseId, String.join(", ", incident.memberStates()), incident.description(), incident.occurredAt(),
                        caseId)));
    }
}
