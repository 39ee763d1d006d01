package io.aiactops.incidents;

import static io.aiactops.incidents.ReportPage.row;
import static io.aiactops.incidents.ReportPage.yesNo;

import java.util.List;

/** The human-readable form of an {@link AuthorityReport}: one self-contained HTML page, section by section. */
final class AuthorityReportHtml {

    private AuthorityReportHtml() {
    }

    static String render(AuthorityReport report) {
        ReportPage page = new ReportPage("Serious incident report " + report.incidentId() + " #" + report.reportNumber(),
                "Serious incident report (AI Act, Art. 73)");
        AuthorityReport.Administrative admin = report.administrative();
        page.section("Case", List.of(row("Incident", report.incidentId()), row("Report number", report.reportNumber()),
                row("Report type", admin.reportType()), row("Schema", report.schema())));
        page.section("1. Administrative information", List.of(
                row("Market surveillance authority", admin.authority().name() + " (" + admin.authority().memberState() + ")"),
                row("Authority's reference", admin.authority().reference()),
                row("Date of report", admin.reportDate()),
                row("Harm classification", String.join(", ", admin.harmClassification())),
                row("Widespread infringement", admin.widespreadInfringement() ? "yes" : "no"),
                row("Submitter role", admin.submitter().role()),
                row("Submitter", admin.submitter().name()),
                row("Submitter contact", admin.submitter().contact()),
                row("Already reported under", admin.otherRegimes().isEmpty() ? "none" : String.join(", ", admin.otherRegimes()))));
        AuthorityReport.AiSystemSection system = report.aiSystem();
        page.section("2. AI system", List.of(row("EU database registration", system.euDatabaseId()),
                row("Name", system.name()), row("Identifier", system.id()), row("Description", system.description()),
                row("Provider", system.provider()), row("Model version", system.modelVersion()),
                row("Software version", system.softwareVersion())));
        AuthorityReport.IncidentSection incident = report.incident();
        page.section("3. Incident", List.of(row("What went wrong", incident.description()),
                row("Occurred at (UTC)", incident.occurredAt()), row("Provider aware at (UTC)", incident.awareAt()),
                row("Effects", incident.effects()), row("Causal link", incident.causalLink()),
                row("Causal link established or suspected at (UTC)", incident.causalLinkAt()),
                row("Likely causality", incident.likelyCausality()), row("Persons affected", incident.personsAffected()),
                row("Operator (deployer)", incident.operator()), row("Remedial actions", incident.remedialActions()),
                row("First reported by", incident.firstReportedBy()),
                row("Provider informed by the deployer at (UTC)", incident.providerInformedAt())));
        AuthorityReport.ProviderAnalysis analysis = report.providerAnalysis();
        page.section("4. Provider's analysis", List.of(row("Preliminary results", analysis.preliminaryResults()),
                row("Initial corrective and preventive actions", analysis.initialCorrectiveActions()),
                row("Planned investigations", analysis.plannedInvestigations()), row("Root cause", analysis.rootCause()),
                row("Why not reportable", analysis.nonReportableReason()),
                row("Risk assessment reviewed", yesNo(analysis.riskAssessmentReviewed())),
                row("Risk assessment still holds", yesNo(analysis.riskAssessmentStillHolds()))));
        page.section("5. General comments", List.of(row("Comments", report.generalComments())));
        AuthorityReport.Deadline deadline = report.deadline();
        page.section("Reporting deadline", List.of(row("Period", deadline.reportingPeriod()),
                row("Nominal end", deadline.nominalEndsInWords()),
                row("Adjusted end, Regulation 1182/71", deadline.adjustedEndsInWords())));
        return page.end();
    }
}
