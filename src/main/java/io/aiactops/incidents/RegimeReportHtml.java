package io.aiactops.incidents;

import static io.aiactops.incidents.ReportPage.row;
import static io.aiactops.incidents.ReportPage.yesNo;

import java.util.List;
import java.util.Locale;

/** The human-readable form of a {@link RegimeReport}: one self-contained HTML page. */
final class RegimeReportHtml {

    private RegimeReportHtml() {
    }

    static String render(RegimeReport report) {
        String regime = report.regime().toUpperCase(Locale.ROOT);
        ReportPage page = new ReportPage(regime + " " + report.stageTitle() + " " + report.incidentId(),
                regime + ": " + report.stageTitle() + " (" + report.article() + ")");
        page.section("Case", List.of(row("Incident reference", report.incidentId()), row("Regime", regime),
                row("Legal basis", report.legalBasis()), row("Stage", report.stageTitle() + ", " + report.article()),
                row("Schema", report.schema())));
        page.section("Recipient", List.of(row("Authority", report.recipient().name()),
                row("Member State", report.recipient().memberState()), row("Address", report.recipient().email())));
        RegimeReport.Entity entity = report.entity();
        page.section("Reporting entity", List.of(row("Name", entity.name()), row("Contact", entity.contact()),
                row("AI system", entity.aiSystemName() + " (" + entity.aiSystemId() + ")")));
        RegimeReport.Incident incident = report.incident();
        page.section("Incident", List.of(row("What happened", incident.description()),
                row("Occurred at (UTC)", incident.occurredAt()), row("Aware at (UTC)", incident.awareAt()),
                row("Classified as major at (UTC)", incident.classifiedAsMajorAt()), row("Case of MDR Art. 87", incident.mdrCase()),
                row("Member States", String.join(", ", incident.memberStates())),
                row("Persons affected", incident.personsAffected())));
        RegimeSubmission.Content content = report.content();
        page.section("Report", List.of(row("Summary", content.summary()), row("Impact and likely consequences", content.impact()),
                row("Measures taken or proposed", content.measuresTaken()), row("Root cause", content.rootCause()),
                row("Classification criteria met", content.classificationCriteria()), row("Contact point", content.contact())));
        RegimeReport.Clock clock = report.clock();
        page.section("Time limit", List.of(row("Rule", clock.basis()), row("Due", clock.dueInWords()),
                row("Due (UTC)", clock.dueAt()), row("Submitted (UTC)", clock.submittedAt()),
                row("Late", yesNo(clock.late())), row("Reasons for the delay", clock.delayReasons())));
        return page.end();
    }
}
