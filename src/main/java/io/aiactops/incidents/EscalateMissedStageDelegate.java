package io.aiactops.incidents;

import static io.aiactops.incidents.RegimeReportingVariables.AI_SYSTEM_ID;
import static io.aiactops.incidents.RegimeReportingVariables.INCIDENT_ID;

import io.aiactops.notification.Mailer;
import io.aiactops.regimes.RegimeStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A stage of another regime passed its deadline unsubmitted: alerts the configured escalation groups. */
@Component("escalateMissedStageDelegate")
public class EscalateMissedStageDelegate implements JavaDelegate {

    private final Mailer mailer;
    private final RegimeReporting reporting;
    private final IncidentsProperties.Reminders reminders;

    public EscalateMissedStageDelegate(Mailer mailer, RegimeReporting reporting, IncidentsProperties properties) {
        this.mailer = mailer;
        this.reporting = reporting;
        this.reminders = properties.reminders();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = INCIDENT_ID.required(execution);
        RegimeStage stage = RegimeReportingVariables.stage(execution);
        mailer.toGroups(reminders.escalateTo(),
                "[aiact-ops] DEADLINE MISSED: %s %s on incident %s".formatted(stage.regime().wireName().toUpperCase(),
                        stage.title(), caseId),
                """
                The deadline of the %s (%s %s) on incident %s (AI system %s) has passed and nothing was submitted.

                Deadline: %s

                Submit it now with the reasons for the delay, or tell the authority that the limit cannot be met: %s
                """.formatted(stage.title(), stage.regime().wireName().toUpperCase(), stage.article(), caseId,
                        AI_SYSTEM_ID.required(execution),
                        reporting.deadlineInWords(caseId, stage,
                                RegimeReportingVariables.dueAt(stage).required(execution).toInstant()),
                        mailer.link("/camunda/app/tasklist/")));
    }
}
