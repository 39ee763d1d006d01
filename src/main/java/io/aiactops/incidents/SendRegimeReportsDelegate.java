package io.aiactops.incidents;

import static io.aiactops.incidents.RegimeReportingVariables.INCIDENT_ID;
import static io.aiactops.incidents.RegimeReportingVariables.SUBMITTED_BY;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.aiactops.notification.Mailer;
import io.aiactops.notification.Mailer.Attachment;
import io.aiactops.platform.Sha256;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Mails each rendered, unsent report of the regime to its recipient with the report as JSON and HTML attached,
 * and records each one as sent right after its mail went. An SMTP failure fails the job (retried per the
 * task's cycle, then a Cockpit incident); the retry sends only what had not gone. A portal submission or a
 * decision has no report, and nothing is mailed.
 */
@Component("sendRegimeReportsDelegate")
public class SendRegimeReportsDelegate implements JavaDelegate {

    private final RegimeReporting reporting;
    private final Mailer mailer;

    public SendRegimeReportsDelegate(RegimeReporting reporting, Mailer mailer) {
        this.reporting = reporting;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String submittedBy = SUBMITTED_BY.required(execution);
        for (RegimeReporting.Pending report : reporting.unsent(INCIDENT_ID.required(execution),
                RegimeReportingVariables.regime(execution))) {
            String name = "%s-%s-%s".formatted(report.incidentId(), report.stage().wireName().replace('_', '-'), report.memberState());
            String messageId = mailer.send(List.of(report.recipient()),
                    "%s %s: incident %s".formatted(report.regime().wireName().toUpperCase(), report.stage().title(),
                            report.incidentId()),
                    """
                    Please find attached the %s (%s %s) on incident %s, under %s.

                    %s.json is the report in machine-readable form; %s.html is the same report for reading.
                    Its SHA-256 is %s.

                    Please quote %s in any reply.
                    """.formatted(report.stage().title(), report.regime().wireName().toUpperCase(), report.stage().article(),
                            report.incidentId(), report.regime().legalBasis(), name, name, Sha256.of(report.json()),
                            report.incidentId()),
                    List.of(new Attachment(name + ".json", "application/json", report.json().getBytes(StandardCharsets.UTF_8)),
                            new Attachment(name + ".html", "text/html", report.html().getBytes(StandardCharsets.UTF_8))));
            reporting.markSent(report, messageId, submittedBy);
        }
    }
}
