package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.AI_SYSTEM_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.DEADLINES_SUMMARY;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORT_DUE_AT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.aiactops.notification.Mailer;
import io.aiactops.platform.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the incident managers that the first report of a case is due (both reminder timers). */
@Component("sendDeadlineReminderDelegate")
public class SendDeadlineReminderDelegate implements JavaDelegate {

    private final Mailer mailer;
    private final Clock clock;

    public SendDeadlineReminderDelegate(Mailer mailer, Clock clock) {
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        Instant due = REPORT_DUE_AT.required(execution).toInstant();
        Duration left = Duration.between(clock.instant(), due);
        mailer.toGroups(List.of(Roles.INCIDENT_MANAGERS),
                "[aiact-ops] Reminder: report on serious incident %s due in %d h".formatted(caseId, Math.max(0, left.toHours())),
                """
                The first report to the market surveillance authorities on serious incident %s (AI system %s)
                has not been sent yet.

                Time left: %d hours
                Deadlines: %s

                Prepare it in Tasklist: %s
                Case board: %s
                """.formatted(caseId, AI_SYSTEM_ID.required(execution), Math.max(0, left.toHours()),
                        DEADLINES_SUMMARY.from(execution), mailer.link("/camunda/app/tasklist/"), mailer.link("/cases")));
    }
}
