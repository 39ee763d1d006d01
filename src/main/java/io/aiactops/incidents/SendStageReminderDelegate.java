package io.aiactops.incidents;

import static io.aiactops.incidents.RegimeReportingVariables.AI_SYSTEM_ID;
import static io.aiactops.incidents.RegimeReportingVariables.INCIDENT_ID;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.aiactops.notification.Mailer;
import io.aiactops.platform.security.Roles;
import io.aiactops.regimes.RegimeStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the incident managers that a stage of another regime is due (its half-way timer). */
@Component("sendStageReminderDelegate")
public class SendStageReminderDelegate implements JavaDelegate {

    private final Mailer mailer;
    private final RegimeReporting reporting;
    private final Clock clock;

    public SendStageReminderDelegate(Mailer mailer, RegimeReporting reporting, Clock clock) {
        this.mailer = mailer;
        this.reporting = reporting;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        RegimeStage stage = RegimeReportingVariables.stage(execution);
        Instant due = RegimeReportingVariables.dueAt(stage).required(execution).toInstant();
        long hoursLeft = Math.max(0, Duration.between(clock.instant(), due).toHours());
        mailer.toGroups(List.of(Roles.INCIDENT_MANAGERS),
                "[aiact-ops] Reminder: %s %s on incident %s due in %d h".formatted(stage.regime().wireName().toUpperCase(),
                        stage.title(), caseId, hoursLeft),
                """
                The %s (%s %s) on incident %s (AI system %s) has not been submitted yet.

                Due: %s — %d hours left

                Submit it in Tasklist: %s
                Case board: %s
                """.formatted(stage.title(), stage.regime().wireName().toUpperCase(), stage.article(), caseId,
                        AI_SYSTEM_ID.required(execution), reporting.deadlineInWords(caseId, stage, due), hoursLeft, mailer.link("/camunda/app/tasklist/"),
                        mailer.link("/cases")));
    }
}
