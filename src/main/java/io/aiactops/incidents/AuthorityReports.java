package io.aiactops.incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.incidents.IncidentCase.DeadlineView;
import io.aiactops.incidents.IncidentCase.ReportView;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.platform.Sha256;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.AuthoritiesProperties;
import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.ModelVersionStatus;
import io.aiactops.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports to market surveillance authorities: one per Member State where the incident occurred,
 * rendered as JSON (the document whose SHA-256 is kept) and HTML, stored when prepared and marked
 * sent one by one, so that a retried send never sends one twice.
 */
@Service
public class AuthorityReports {

    /** A prepared report not yet sent. */
    /** A report not sent yet, with its Member State's deadline ({@code null} if the case has none there). */
    public record Pending(long id, String incidentId, int reportNumber, ReportType type, String memberState,
            String recipient, String json, String html, DeadlineView deadline) {
    }

    private final JdbcClient jdbc;
    private final IncidentCases cases;
    private final Registry registry;
    private final LogRegister register;
    private final AuthoritiesProperties authorities;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    AuthorityReports(JdbcClient jdbc, IncidentCases cases, Registry registry, LogRegister register,
            AuthoritiesProperties authorities, ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.registry = registry;
        this.register = register;
        this.authorities = authorities;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Refuses a report that could not be prepared, naming the form field; changes nothing. */
    public void validate(String caseId, ReportDraft draft) {
        IncidentCase incident = cases.get(caseId);
        if (!incident.open() || !"REPORTABLE".equals(incident.outcome())) {
            throw new ConflictException("Incident " + caseId + " is not an open reportable case");
        }
        boolean first = incident.reports().isEmpty();
        var allowed = first ? ReportType.FIRST : ReportType.LATER;
        if (draft.reportType() == null || !allowed.contains(draft.reportType())) {
            throw new InvalidFieldException("reportType", (first ? "the first report of a case is " : "after the first report, send ")
                    + "one of: " + ReportType.wireNames(allowed));
        }
        if (draft.reportType() == ReportType.FINAL_NON_REPORTABLE
                && (draft.nonReportableReason() == null || draft.nonReportableReason().isBlank())) {
            throw new InvalidFieldException("nonReportableReason", "a final non-reportable report says why it is not reportable");
        }
        if (draft.reportType() == ReportType.FINAL_REPORTABLE || draft.reportType() == ReportType.COMBINED) {
            if (draft.rootCause() == null || draft.rootCause().isBlank()) {
                throw new InvalidFieldException("rootCause", "a final report states the root cause");
            }
        }
        for (String memberState : incident.memberStates()) {
            if (authorities.of(memberState).isEmpty()) {
                throw new InvalidFieldException("memberStates", "no market surveillance authority is configured for "
                        + memberState + ": an administrator sets aiact.authorities." + memberState + ".email");
            }
        }
    }

    /** Stores the report for each Member State of the case; returns its number within the case. */
    @Transactional
    public int prepare(String caseId, ReportDraft draft, String actor) {
        validate(caseId, draft);
        IncidentCase incident = cases.get(caseId);
        AiSystem system = registry.get(incident.aiSystemId());
        int number = incident.reports().stream().mapToInt(ReportView::reportNumber).max().orElse(0) + 1;
        Instant now = clock.instant();
        for (DeadlineView deadline : incident.deadlines()) {
            AuthoritiesProperties.Authority authority = authorities.of(deadline.memberState()).orElseThrow();
            AuthorityReport report = report(incident, system, draft, number, now, deadline, authority);
            String json = json(report);
            String html = AuthorityReportHtml.render(report);
            jdbc.sql("""
                    INSERT INTO incident_report (case_id, report_number, report_type, member_state, recipient, content,
                        sha256, html, html_sha256, prepared_at, prepared_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, number, draft.reportType().name(), deadline.memberState(), authority.email(), json,
                            Sha256.of(json), html, Sha256.of(html), JdbcTime.utc(now), actor)
                    .update();
        }
        cases.recordStep(new IncidentRecorded.ReportPrepared(caseId, number, draft.reportType().wireName(),
                incident.memberStates()), actor);
        return number;
    }

    @Transactional(readOnly = true)
    public List<Pending> unsent(String caseId) {
        Map<String, DeadlineView> deadlines = cases.get(caseId).deadlines().stream()
                .collect(Collectors.toMap(DeadlineView::memberState, d -> d));
        return jdbc.sql("SELECT * FROM incident_report WHERE case_id = ? AND sent_at IS NULL ORDER BY report_number, member_state")
                .param(caseId)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("case_id"), rs.getInt("report_number"),
                        ReportType.valueOf(rs.getString("report_type")), rs.getString("member_state"),
                        rs.getString("recipient"), rs.getString("content"), rs.getString("html"),
                        deadlines.get(rs.getString("member_state"))))
                .list();
    }

    /**
     * Marks one report sent and records it in the register, in a transaction of its own: once a mail
     * went, a failure of the next one must not undo the record of this one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void markSent(Pending report, String messageId, String actor) {
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE incident_report SET sent_at = ?, message_id = ? WHERE id = ? AND sent_at IS NULL")
                .params(JdbcTime.utc(now), messageId, report.id()).update();
        if (updated == 0) {
            return;
        }
        IncidentCase incident = cases.get(report.incidentId());
        register.record(incident.aiSystemId(), LogEventType.REPORT_SENT, actor, new IncidentRecorded.ReportSent(
                report.incidentId(), report.reportNumber(), report.type().wireName(), report.memberState(), report.recipient(),
                now.toString(), messageId, Sha256.of(report.json()), Sha256.of(report.html())));
    }

    private AuthorityReport report(IncidentCase incident, AiSystem system, ReportDraft draft, int number, Instant now,
            DeadlineView deadline, AuthoritiesProperties.Authority authority) {
        IncidentCase.ClassificationView classification = incident.classification();
        String modelVersion = draft.modelVersion() != null && !draft.modelVersion().isBlank() ? draft.modelVersion()
                : registry.modelVersions(system.id()).stream().filter(v -> v.status() == ModelVersionStatus.ACTIVE)
                        .map(ModelVersion::version).findFirst().orElse(null);
        return new AuthorityReport(AuthorityReport.SCHEMA, incident.id(), number,
                new AuthorityReport.Administrative(
                        new AuthorityReport.Authority(deadline.memberState(),
                                authority.name() == null ? "Market surveillance authority " + deadline.memberState() : authority.name(),
                                authority.email(), draft.authorityReference()),
                        now, draft.reportType().wireName(), new ArrayList<>(classification.harms()),
                        classification.widespread(),
                        new AuthorityReport.Submitter(draft.submitterRole() == null ? "provider" : draft.submitterRole(),
                                draft.submitterName() == null ? system.providerName() : draft.submitterName(),
                                draft.submitterContact() == null ? system.providerContact() : draft.submitterContact()),
                        new ArrayList<>(classification.otherRegimes())),
                new AuthorityReport.AiSystemSection(system.id(), system.euDatabaseId(), system.name(),
                        system.intendedPurpose(), system.providerName(), modelVersion, draft.softwareVersion()),
                new AuthorityReport.IncidentSection(incident.description(), incident.occurredAt(), incident.awareAt(),
                        draft.effects(), classification.causalLink(), classification.causalLinkAt(), draft.likelyCausality(),
                        incident.personsAffected(), draft.operator(), draft.remedialActions(),
                        draft.firstReportedBy() == null ? incident.reporter() : draft.firstReportedBy(),
                        incident.providerInformedAt()),
                new AuthorityReport.ProviderAnalysis(draft.preliminaryResults(), draft.initialCorrectiveActions(),
                        draft.plannedInvestigations(), draft.rootCause(), draft.nonReportableReason(),
                        draft.riskAssessmentReviewed(), draft.riskAssessmentStillHolds()),
                draft.generalComments(),
                new AuthorityReport.Deadline(incident.reportingPeriod(), deadline.nominalEndsAtLocal(),
                        deadline.nominalEndsInWords(), deadline.adjustedEndsAtLocal(), deadline.adjustedEndsInWords()));
    }

    private String json(AuthorityReport report) {
        try {
            return objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not render report of " + report.incidentId(), e);
        }
    }

}
