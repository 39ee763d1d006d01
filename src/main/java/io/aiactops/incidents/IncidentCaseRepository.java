package io.aiactops.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.aiactops.calendar.DeadlineWords;
import io.aiactops.incidents.IncidentCase.ClassificationView;
import io.aiactops.incidents.IncidentCase.DeadlineView;
import io.aiactops.incidents.IncidentCase.NotificationView;
import io.aiactops.incidents.IncidentCase.ReportView;
import io.aiactops.logs.EvidenceHold;
import io.aiactops.logs.EvidenceHolds;
import io.aiactops.notification.TrackedRecipients;
import io.aiactops.platform.jdbc.JdbcTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads incident cases with everything the case board shows of them in a fixed number of queries,
 * however many cases there are: the cases, then their Member States, deadlines, reports and informed
 * recipients, each for all the cases at once. A list costs {@value #QUERIES} queries of its own, one of
 * {@link TrackedRecipients} for the recipients and one of {@link EvidenceHolds} for the holds of all
 * the cases' AI systems.
 */
@Repository
class IncidentCaseRepository {

    /** The queries of one {@link #list} or {@link #find} on our own tables. */
    static final int QUERIES = 5;

    private final JdbcClient jdbc;
    private final EvidenceHolds holds;
    private final TrackedRecipients recipients;

    IncidentCaseRepository(JdbcClient jdbc, EvidenceHolds holds, TrackedRecipients recipients) {
        this.jdbc = jdbc;
        this.holds = holds;
        this.recipients = recipients;
    }

    Optional<IncidentCase> find(String caseId) {
        return load(" WHERE id = ?", caseId).stream().findFirst();
    }

    /** Cases with the given status ({@code null}: all), newest first. */
    List<IncidentCase> list(String status) {
        return status == null ? load("") : load(" WHERE status = ?", status);
    }

    private List<IncidentCase> load(String where, Object... params) {
        // The cases are chosen once; the details are read for that choice, so a case opened meanwhile is left out.
        List<String[]> chosen = jdbc.sql("SELECT id, system_id FROM incident_case" + where).params(params)
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("system_id")}).list();
        if (chosen.isEmpty()) {
            return List.of();
        }
        List<String> ids = chosen.stream().map(c -> c[0]).toList();
        Details details = new Details(
                byCase("SELECT case_id, country_code FROM incident_member_state WHERE case_id IN (:ids) ORDER BY country_code", ids,
                        (rs, n) -> rs.getString("country_code")),
                byCase("SELECT * FROM incident_deadline WHERE case_id IN (:ids) ORDER BY adjusted_ends_at, member_state", ids,
                        IncidentCaseRepository::deadline),
                byCase("SELECT * FROM incident_report WHERE case_id IN (:ids) ORDER BY report_number, member_state", ids,
                        IncidentCaseRepository::report),
                recipients.list(ids),
                holds.listFor(chosen.stream().map(c -> c[1]).collect(Collectors.toSet())));
        return jdbc.sql("SELECT * FROM incident_case WHERE id IN (:ids) ORDER BY created_at DESC, id DESC").param("ids", ids)
                .query((rs, n) -> incidentCase(rs, details)).list();
    }

    private <T> Map<String, List<T>> byCase(String sql, List<String> ids, RowMapper<T> mapper) {
        Map<String, List<T>> byCase = new LinkedHashMap<>();
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            byCase.computeIfAbsent(rs.getString("case_id"), id -> new ArrayList<>()).add(mapper.mapRow(rs, 0));
        });
        return byCase;
    }

    private record Details(Map<String, List<String>> memberStates, Map<String, List<DeadlineView>> deadlines,
            Map<String, List<ReportView>> reports, Map<String, List<TrackedRecipients.Tracked>> recipients,
            Map<String, List<EvidenceHold>> holds) {
    }

    private static IncidentCase incidentCase(ResultSet rs, Details details) throws SQLException {
        String id = rs.getString("id");
        List<String> memberStates = details.memberStates.getOrDefault(id, List.of());
        List<DeadlineView> deadlines = details.deadlines.getOrDefault(id, List.of());
        List<ReportView> reports = details.reports.getOrDefault(id, List.of());
        List<NotificationView> notifications = details.recipients.getOrDefault(id, List.of()).stream()
                .map(r -> new NotificationView(r.role(), r.name(), r.email(), r.attemptedAt(), r.sentAt(), r.failure())).toList();
        String systemId = rs.getString("system_id");
        List<EvidenceHold> caseHolds = details.holds.getOrDefault(systemId, List.of()).stream()
                .filter(h -> id.equals(h.reference())).toList();
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
                nominal, nominal.atZone(zone).toOffsetDateTime().toString(), DeadlineWords.ENGLISH.of(nominal, zone),
                rs.getObject("adjusted_last_day", LocalDate.class), adjusted,
                adjusted.atZone(zone).toOffsetDateTime().toString(), DeadlineWords.ENGLISH.of(adjusted, zone),
                rs.getString("adjustment").toLowerCase());
    }

    private static ReportView report(ResultSet rs, int n) throws SQLException {
        return new ReportView(rs.getLong("id"), rs.getInt("report_number"),
                ReportType.valueOf(rs.getString("report_type")).wireName(), rs.getString("member_state"),
                rs.getString("recipient"), rs.getString("sha256"), rs.getString("html_sha256"),
                JdbcTime.instant(rs, "prepared_at"), rs.getString("prepared_by"), JdbcTime.instant(rs, "sent_at"),
                rs.getString("message_id"));
    }

    private static Set<String> split(String joined) {
        return joined == null ? Set.of()
                : new LinkedHashSet<>(Arrays.stream(joined.split(",")).map(s -> s.toLowerCase()).toList());
    }
}
