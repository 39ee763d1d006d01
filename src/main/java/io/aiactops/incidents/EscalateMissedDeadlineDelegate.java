package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.AI_SYSTEM_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.DEADLINES_SUMMARY;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;

import io.aiactops.notification.Mailer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The first report's deadline passed without a report: alerts the configured escalation groups. */
@Component("escalateMissedDeadlineDelegate")
public class EscalateMissedDeadlineDelegate implements JavaDelegate {

    private final Mailer mailer;
    private final IncidentsProperties.Reminders reminders;

    public EscalateMissedDeadlineDelegate(Mailer mailer, IncidentsProperties properties) {
        this.mailer = mailer;
        this.reminders = properties.reminders();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        mailer.toGroups(reminders.escalateTo(),
                "[aiact-ops] DEADLINE MISSED: no report sent on serious incident " + caseId,
                """
                The Art. 73 deadline for reporting serious incident %s (AI system %s) to the market surveillance
                authorities has passed and no report was sent.

                Deadlines: %s

                Send an initial report now, even if incomplete (Art. 73(5)): %s
                """.formatted(caseId, AI_SYSTEM_ID.required(execution), DEADLINES_SUMMARY.from(execution), mailer.link("/camunda/app/tasklist/")));
    }
}
