package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;
import static io.aiactops.incidents.SeriousIncidentVariables.REPORT_PREPARED_BY;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
            AuthorityMail mail = AuthorityMail.of(report, name);
            String messageId = mailer.send(List.of(report.recipient()), mail.subject(), mail.body(),
                    List.of(new Attachment(name + ".json", "application/json", report.json().getBytes(StandardCharsets.UTF_8)),
                            new Attachment(name + ".html", "text/html", report.html().getBytes(StandardCharsets.UTF_8))));
            reports.markSent(report, messageId, preparedBy);
        }
    }
}
