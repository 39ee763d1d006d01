package io.aiactops.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.aiactops.calendar.TimeLimit;
import io.aiactops.incidents.IncidentCase.ClassificationView;
import io.aiactops.incidents.IncidentCase.DeadlineView;
import io.aiactops.incidents.IncidentCase.NotificationView;
import io.aiactops.incidents.IncidentCase.ReportView;
import io.aiactops.logs.EvidenceHold;
import io.aiactops.logs.EvidenceHolds;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.notification.TrackedRecipients;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.MemberStates;
import io.aiactops.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serious-incident cases: opening, classification with its Art. 73 deadlines, the evidence hold, and
 * closing. Every change is recorded in the system's log register chain in the same transaction.
 */
@Service
public class IncidentCases {

    /** How far in the future a reported "aware at" may lie: clock skew between reporters and us. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Registry registry;
    private final LogRegister register;
    private final EvidenceHolds holds;
    private final IncidentClock incidentClock;
    private final Reportability reportability;
    private final TrackedRecipients recipients;
    private final Clock clock;

    IncidentCases(JdbcClient jdbc, Registry registry, LogRegister register, EvidenceHolds holds,
            IncidentClock incidentClock, Reportability reportability, TrackedRecipients recipients, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.register = register;
        this.holds = holds;
        this.incidentClock = incidentClock;
        this.reportability = reportability;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Refuses a new incident that could not be opened, naming the field; changes nothing. */
    public void validate(NewIncident incident) {
        text("aiSystemId", incident.aiSystemId(), 64);
        if (registry.status(incident.aiSystemId()).isEmpty()) {
            throw new InvalidFieldException("aiSystemId", "no AI system '" + incident.aiSystemId() + "' is registered");
        }
        text("description", incident.description(), 8000);
        if (incident.occurredAt() == null) {
            throw new InvalidFieldException("occurredAt", "is required");
        }
        Instant awareAt = incident.awareAt() == null ? clock.instant() : incident.awareAt();
        if (awareAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidFieldException("awareAt", "must not be in the future");
        }
        if (incident.occurredAt().isAfter(awareAt)) {
            throw new InvalidFieldException("occurredAt", "must not be after awareAt: nobody is aware of an incident before it occurs");
        }
        text("reporter", incident.reporter(), 200);
        text("reporterContact", incident.reporterContact(), 320);
        memberStates("memberStates", incident.memberStates());
        if (incident.personsAffected() == null) {
            throw new InvalidFieldException("personsAffected", "is required (0 when nobody is known to be affected)");
        }
        if (incident.personsAffected() < 0 || incident.personsAffected() > Integer.MAX_VALUE) {
            throw new InvalidFieldException("personsAffected", "must be between 0 and " + Integer.MAX_VALUE);
        }
        if (incident.deployerReference() != null && incident.deployerReference().length() > 200) {
            throw new InvalidFieldException("deployerReference", "must be at most 200 characters");
        }
    }

    /** Opens a case and records it in the register; returns the case id, e.g. {@code INC-2026-00042}. */
    @Transactional
    public String open(NewIncident incident, String actor) {
        validate(incident);
        Instant now = clock.instant();
        Instant awareAt = incident.awareAt() == null ? now : incident.awareAt();
        long number = jdbc.sql("SELECT nextval('incident_case_number')").query(Long.class).single();
        String id = "INC-%d-%05d".formatted(now.atZone(ZoneOffset.UTC).getYear(), number);
        Instant providerInformedAt = incident.reportedByDeployer() ? now : null;
        jdbc.sql("""
                INSERT INTO incident_case (id, system_id, description, occurred_at, aware_at, reporter, reporter_contact,
                    persons_affected, deployer_reference, origin, provider_informed_at, status, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, incident.aiSystemId(), incident.description(), JdbcTime.utc(incident.occurredAt()),
                        JdbcTime.utc(awareAt), incident.reporter(), incident.reporterContact(),
                        incident.personsAffected().intValue(), incident.deployerReference(), incident.origin().wireName(),
                        providerInformedAt == null ? null : JdbcTime.utc(providerInformedAt), JdbcTime.utc(now), actor)
                .update();
        replaceMemberStates(id, incident.memberStates());
        Map<String, Object> payload = event(id, "opened");
        payload.put("origin", incident.origin().wireName());
        payload.put("occurredAt", incident.occurredAt().toString());
        payload.put("awareAt", awareAt.toString());
        payload.put("reporter", incident.reporter());
        payload.put("memberStates", normalized(incident.memberStates()));
        payload.put("personsAffected", incident.personsAffected());
        payload.put("description", incident.description());
        if (incident.deployerReference() != null) {
            payload.put("deployerReference", incident.deployerReference());
        }
        if (providerInformedAt != null) {
            // Art. 26(5): the deployer informed the provider first; this is when.
            payload.put("providerInformedAt", providerInformedAt.toString());
        }
        register.record(incident.aiSystemId(), LogEventType.INCIDENT, actor, payload);
        return id;
    }

    @Transactional
    public void attachProcess(String caseId, String processInstanceId) {
        jdbc.sql("UPDATE incident_case SET process_instance_id = ? WHERE id = ?").params(processInstanceId, caseId).update();
    }

    /** Refuses a classification that could not be recorded, naming the form field; changes nothing. */
    public void validate(String caseId, Classification classification) {
        IncidentCase current = get(caseId);
        if (!current.open()) {
            throw new ConflictException("Incident " + caseId + " is closed");
        }
        memberStates("memberStates", classification.memberStates());
        if (classification.serious()) {
            if (classification.harms().isEmpty()) {
                throw new InvalidFieldException("harms", "a serious incident leads to at least one harm of Art. 3(49): tick it");
            }
            if (classification.causalLink() == null) {
                throw new InvalidFieldException("causalLink", "say whether a causal link is established or suspected");
            }
        } else if (classification.rationale() == null || classification.rationale().isBlank()) {
            throw new InvalidFieldException("classificationRationale", "the rationale is required when it is not a serious incident");
        }
        if (classification.causalLink() != null && classification.causalLink() != CausalLink.NONE
                && classification.causalLinkAt() == null) {
            throw new InvalidFieldException("causalLinkAt", "say when the causal link was established or suspected");
        }
        if (classification.rationale() != null && classification.rationale().length() > 4000) {
            throw new InvalidFieldException("classificationRationale", "must be at most 4000 characters");
        }
    }

    /**
     * Records the classification and whether it is reportable ({@link Reportability}); deadlines are
     * stored per Member State.
     */
    @Transactional
    public Reportability.Outcome classify(String caseId, Classification classification, String actor) {
        validate(caseId, classification);
        IncidentCase current = get(caseId);
        AiSystem system = registry.get(current.aiSystemId());
        Reportability.Outcome outcome = reportability.outcome(classification, system.sectoralRegime(), current.awareAt());
        replaceMemberStates(caseId, classification.memberStates());
        jdbc.sql("DELETE FROM incident_deadline WHERE case_id = ?").param(caseId).update();
        ReportingDeadlines deadlines = outcome.deadlines();
        if (deadlines != null) {
            for (TimeLimit limit : deadlines.timeLimits()) {
                jdbc.sql("""
                        INSERT INTO incident_deadline (case_id, member_state, zone_id, nominal_last_day, nominal_ends_at,
                            adjusted_last_day, adjusted_ends_at, adjustment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(caseId, limit.memberState(), limit.zone().getId(), limit.nominal().lastDay(),
                                JdbcTime.utc(limit.nominal().endsAt()), limit.adjusted().lastDay(),
                                JdbcTime.utc(limit.adjusted().endsAt()), limit.adjustment().name())
                        .update();
            }
        }
        jdbc.sql("""
                UPDATE incident_case SET outcome = ?, serious = ?, harms = ?, widespread = ?, causal_link = ?,
                    causal_link_at = ?, other_regimes = ?, classification_rationale = ?, classified_at = ?,
                    classified_by = ?, reporting_rule = ?, reporting_days = ? WHERE id = ?""")
                .params(outcome.reportable() ? "REPORTABLE" : "NOT_REPORTABLE", classification.serious(),
                        joined(classification.harms().stream().map(Enum::name).toList()), classification.widespread(),
                        classification.causalLink() == null ? null : classification.causalLink().name(),
                        classification.causalLinkAt() == null ? null : JdbcTime.utc(classification.causalLinkAt()),
                        joined(classification.otherRegimes()), classification.rationale(), JdbcTime.utc(clock.instant()),
                        actor, deadlines == null ? null : deadlines.period().rule().name(),
                        deadlines == null ? null : deadlines.period().days(), caseId)
                .update();
        Map<String, Object> payload = event(caseId, "classified");
        payload.put("serious", classification.serious());
        payload.put("harms", classification.harms().stream().map(h -> h.name().toLowerCase()).sorted().toList());
        payload.put("widespread", classification.widespread());
        payload.put("reportable", outcome.reportable());
        payload.put("reason", outcome.reason());
        payload.put("memberStates", normalized(classification.memberStates()));
        if (deadlines != null) {
            payload.put("reportingPeriod", deadlines.period().explanation());
            payload.put("deadlines", deadlines.timeLimits().stream().map(l -> Map.of("memberState", l.memberState(),
                    "nominalEndsAt", l.nominal().endsAt().toString(), "adjustedEndsAt", l.adjusted().endsAt().toString()))
                    .toList());
        }
        register.record(current.aiSystemId(), LogEventType.INCIDENT, actor, payload);
        return outcome;
    }

    /** Art. 73(6): the system's evidence is held while the case is investigated; the hold names the case. */
    @Transactional
    public EvidenceHold placeHold(String caseId, String actor) {
        IncidentCase current = get(caseId);
        EvidenceHold hold = holds.place(current.aiSystemId(), "serious incident " + caseId
                + " is reportable: do not alter the system before informing the authorities (Art. 73(6))", caseId, actor);
        jdbc.sql("UPDATE incident_case SET hold_id = ? WHERE id = ?").params(hold.id(), caseId).update();
        return hold;
    }

    /**
     * Releases the case's hold on an explicit decision, e.g. "authorities informed of the planned
     * change"; returns whether a hold was active.
     */
    @Transactional
    public boolean releaseHold(String caseId, String reason, String actor) {
        IncidentCase current = get(caseId);
        List<EvidenceHold> active = current.holds().stream().filter(EvidenceHold::active).toList();
        active.forEach(hold -> holds.release(current.aiSystemId(), hold.id(), reason, actor));
        return !active.isEmpty();
    }

    /** Records a step of the case (investigation findings, a corrective-action request) in the register. */
    @Transactional
    public void recordStep(String caseId, String step, Map<String, Object> details, String actor) {
        IncidentCase current = get(caseId);
        Map<String, Object> payload = event(caseId, step);
        payload.putAll(details);
        register.record(current.aiSystemId(), LogEventType.INCIDENT, actor, payload);
    }

    /** Closes the case; its evidence hold, if still active, is released with the closing reason. */
    @Transactional
    public void close(String caseId, String reason, String actor) {
        IncidentCase current = get(caseId);
        if (!current.open()) {
            throw new ConflictException("Incident " + caseId + " is already closed");
        }
        releaseHold(caseId, "incident case " + caseId + " closed: " + reason, actor);
        jdbc.sql("UPDATE incident_case SET status = 'CLOSED', closed_at = ?, closed_by = ?, close_reason = ? WHERE id = ?")
                .params(JdbcTime.utc(clock.instant()), actor, reason, caseId).update();
        Map<String, Object> payload = event(caseId, "closed");
        payload.put("reason", reason);
        register.record(current.aiSystemId(), LogEventType.INCIDENT, actor, payload);
    }

    @Transactional(readOnly = true)
    public IncidentCase get(String caseId) {
        return jdbc.sql("SELECT * FROM incident_case WHERE id = ?").param(caseId).query(this::incidentCase).optional()
                .orElseThrow(() -> new NotFoundException("Incident", caseId));
    }

    /**
     * Cases with the given status ({@code null}: all), the most urgent first: by the earliest adjusted
     * deadline, and a case not classified yet by when its classification is due.
     */
    @Transactional(readOnly = true)
    public List<IncidentCase> list(String status) {
        String where = status == null ? "" : " WHERE status = ?";
        var query = jdbc.sql("SELECT * FROM incident_case" + where + " ORDER BY created_at DESC, id DESC");
        if (status != null) {
            query = query.param(status);
        }
        return query.query(this::incidentCase).list().stream()
                .sorted(Comparator.comparing(this::urgency, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private Instant urgency(IncidentCase incident) {
        if (incident.deadlineAt() != null) {
            return incident.deadlineAt();
        }
        return incident.open() && incident.classification() == null ? incidentClock.classificationDue(incident.awareAt()) : null;
    }

    private IncidentCase incidentCase(ResultSet rs, int n) throws SQLException {
        String id = rs.getString("id");
        List<String> memberStates = jdbc.sql("SELECT country_code FROM incident_member_state WHERE case_id = ? ORDER BY country_code")
                .param(id).query(String.class).list();
        List<DeadlineView> deadlines = jdbc.sql("SELECT * FROM incident_deadline WHERE case_id = ? ORDER BY adjusted_ends_at, member_state")
                .param(id).query(IncidentCases::deadline).list();
        List<ReportView> reports = jdbc.sql("SELECT * FROM incident_report WHERE case_id = ? ORDER BY report_number, member_state")
                .param(id).query(IncidentCases::report).list();
        List<NotificationView> notifications = recipients.list(id).stream().map(r -> new NotificationView(r.role(),
                r.name(), r.email(), r.attemptedAt(), r.sentAt(), r.failure())).toList();
        String systemId = rs.getString("system_id");
        List<EvidenceHold> caseHolds = holds.list(systemId).stream().filter(h -> id.equals(h.reference())).toList();
        ClassificationView classification = rs.getTimestamp("classified_at") == null ? null
                : new ClassificationView(rs.getBoolean("serious"), split(rs.getString("harms")), rs.getBoolean("widespread"),
                        rs.getString("causal_link") == null ? null : CausalLink.valueOf(rs.getString("causal_link")).wireName(),
                        JdbcTime.instant(rs, "causal_link_at"), split(rs.getString("other_regimes")),
                        rs.getString("classification_rationale"), JdbcTime.instant(rs, "classified_at"),
                        rs.getString("classified_by"));
        String rule = rs.getString("reporting_rule");
        String period = rule == null ? null
                : new ReportingPeriod(ReportingRule.valueOf(rule), rs.getInt("reporting_days")).explanation();
        Instant deadlineAt = deadlines.isEmpty() ? null : deadlines.get(0).adjustedEndsAt();
        Instant firstSent = reports.stream().map(ReportView::sentAt).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        return new IncidentCase(id, systemId, rs.getString("status"), rs.getString("outcome"), rs.getString("description"),
                JdbcTime.instant(rs, "occurred_at"), JdbcTime.instant(rs, "aware_at"), rs.getString("reporter"),
                rs.getString("reporter_contact"), rs.getInt("persons_affected"), rs.getString("deployer_reference"),
                rs.getString("origin"), JdbcTime.instant(rs, "provider_informed_at"), memberStates, classification, period,
                deadlines, deadlineAt, firstSent, reports, notifications, caseHolds, rs.getString("process_instance_id"),
                JdbcTime.instant(rs, "created_at"), rs.getString("created_by"), JdbcTime.instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("close_reason"));
    }

    private static DeadlineView deadline(ResultSet rs, int n) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("zone_id"));
        Instant nominal = JdbcTime.instant(rs, "nominal_ends_at");
        Instant adjusted = JdbcTime.instant(rs, "adjusted_ends_at");
        return new DeadlineView(rs.getString("member_state"), zone.getId(), rs.getObject("nominal_last_day", LocalDate.class),
                nominal, nominal.atZone(zone).toOffsetDateTime().toString(),
                rs.getObject("adjusted_last_day", LocalDate.class), adjusted,
                adjusted.atZone(zone).toOffsetDateTime().toString(), rs.getString("adjustment").toLowerCase());
    }

    static ReportView report(ResultSet rs, int n) throws SQLException {
        return new ReportView(rs.getLong("id"), rs.getInt("report_number"),
                ReportType.valueOf(rs.getString("report_type")).wireName(), rs.getString("member_state"),
                rs.getString("recipient"), rs.getString("sha256"), rs.getString("html_sha256"),
                JdbcTime.instant(rs, "prepared_at"), rs.getString("prepared_by"), JdbcTime.instant(rs, "sent_at"),
                rs.getString("message_id"));
    }

    private void replaceMemberStates(String caseId, List<String> memberStates) {
        jdbc.sql("DELETE FROM incident_member_state WHERE case_id = ?").param(caseId).update();
        for (String code : normalized(memberStates)) {
            jdbc.sql("INSERT INTO incident_member_state (case_id, country_code) VALUES (?, ?)").params(caseId, code).update();
        }
    }

    private static Map<String, Object> event(String caseId, String step) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incidentId", caseId);
        payload.put("event", step);
        return payload;
    }

    private static List<String> normalized(List<String> memberStates) {
        return Reportability.memberStates(memberStates);
    }

    private static void memberStates(String field, List<String> memberStates) {
        if (memberStates.isEmpty()) {
            throw new InvalidFieldException(field, "name at least one Member State where the incident occurred");
        }
        for (int i = 0; i < memberStates.size(); i++) {
            String code = memberStates.get(i);
            if (code == null || !code.trim().matches(MemberStates.ISO_CODES)) {
                throw new InvalidFieldException(field + "[" + i + "]", MemberStates.MESSAGE);
            }
        }
    }

    private static void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, "must be at most " + maxLength + " characters");
        }
    }

    private static String joined(Collection<String> values) {
        return values.isEmpty() ? null : values.stream().sorted().collect(Collectors.joining(","));
    }

    private static Set<String> split(String joined) {
        return joined == null ? Set.of()
                : new LinkedHashSet<>(Arrays.stream(joined.split(",")).map(s -> s.toLowerCase()).toList());
    }
}
