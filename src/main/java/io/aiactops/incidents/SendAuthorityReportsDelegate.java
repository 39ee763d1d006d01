package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORT_PREPARED_BY;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.aiactops.platform.Sha256;
import io.aiactops.notification.Mailer;
import io.aiactops.notification.Mailer.Attachment;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Mails each prepared, unsent report to its authority with the report as JSON and HTML attached, and
 * records each one as sent right after its mail went. An SMTP failure fails the job (retried per the
 * task's cycle, then a Cockpit incident); the retry sends only what had not gone.
 */
@Component("sendAuthorityReportsDelegate")
public class SendAuthorityReportsDelegate implements JavaDelegate {

    private final AuthorityReports reports;
    private final Mailer mailer;

    public SendAuthorityReportsDelegate(AuthorityReports reports, Mailer mailer) {
        this.reports = reports;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String preparedBy = REPORT_PREPARED_BY.required(execution);
        for (AuthorityReports.Pending report : reports.unsent(INCIDENT_ID.required(execution))) {
            String name = "%s-report-%d-%s".formatted(report.incidentId(), report.reportNumber(), report.memberState());
            String messageId = mailer.send(List.of(report.recipient()),
                    "Serious incident report (AI Act Art. 73) %s — %s report #%d".formatted(report.incidentId(),
                            report.type().wireName().replace('_', ' '), report.reportNumber()),
                    """
                    Please find attached the %s report #%d on serious incident %s under Article 73 of Regulation (EU) 2024/1689,
                    addressed to the market surveillance authority of %s.

                    %s.json is the report in machine-readable form; %s.html is the same report for reading.
                    Its SHA-256 is %s.

                    Please quote %s in any reply.
                    """.formatted(report.type().wireName().replace('_', ' '), report.reportNumber(), report.incidentId(),
                            report.memberState(), name, name, Sha256.of(report.json()), report.incidentId()),
                    List.of(new Attachment(name + ".json", "application/json", report.json().getBytes(StandardCharsets.UTF_8)),
                            new Attachment(name + ".html", "text/html", report.html().getBytes(StandardCharsets.UTF_8))));
            reports.markSent(report, messageId, preparedBy);
        }
    }
}
