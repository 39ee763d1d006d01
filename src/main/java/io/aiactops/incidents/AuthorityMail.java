package io.aiactops.incidents;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;

import io.aiactops.calendar.DeadlineWords;
import io.aiactops.platform.Sha256;

/**
 * The covering mail of an Art. 73 report, in the language of the authority's Member State (FR French,
 * DE German, English otherwise; texts in {@code i18n/authority-mail*.properties}). A first report
 * carries the deadline in that language's words, with the UTC time beside it.
 */
record AuthorityMail(String subject, String body) {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    static AuthorityMail of(AuthorityReports.Pending report, String attachmentName) {
        DeadlineWords words = DeadlineWords.forMemberState(report.memberState());
        ResourceBundle texts = ResourceBundle.getBundle("i18n.authority-mail",
                words == DeadlineWords.ENGLISH ? Locale.ROOT : words.locale(), NO_FALLBACK);
        String type = texts.getString("type." + report.type().name());
        String number = Integer.toString(report.reportNumber());
        IncidentCase.DeadlineView deadline = report.deadline();
        String deadlineLine = ReportType.FIRST.contains(report.type()) && deadline != null
                ? MessageFormat.format(texts.getString("deadline"), report.memberState(),
                        words.of(deadline.adjustedEndsAt(), ZoneId.of(deadline.timeZone())))
                : "";
        return new AuthorityMail(
                MessageFormat.format(texts.getString("subject"), report.incidentId(), type, number),
                MessageFormat.format(texts.getString("body"), report.incidentId(), type, number, report.memberState(),
                        deadlineLine, attachmentName, Sha256.of(report.json())));
    }
}
