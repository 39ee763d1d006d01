package io.aiactops.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.Sha256;
import io.aiactops.incidents.IncidentCase;
import io.aiactops.incidents.IncidentCases;
import io.aiactops.incidents.RegimeReporting;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.logs.RecordedEvent;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post-market reviews (Art. 72): which periods are due on each system's cadence, the report compiled
 * from the log register, and its sign-off, which freezes it, stores it and records its SHA-256.
 */
@Service
public class PostMarketReports {

    /** The cadence of a system without a monitoring plan. */
    public static final Period DEFAULT_CADENCE = Period.ofMonths(1);
    public static final String SCHEDULED = "scheduled";
    public static final String ON_DEMAND = "on_demand";

    private static final Set<LogEventType> REPORTED = Set.of(LogEventType.MONITORING_SIGNAL, LogEventType.THRESHOLD_BREACH,
            LogEventType.OVERSIGHT_ACTION, LogEventType.SYSTEM_STOPPED, LogEventType.SYSTEM_RESUMED, LogEventType.INCIDENT,
            LogEventType.REPORT_SENT, LogEventType.CORRECTIVE_ACTION, LogEventType.DEPLOYER_REPORT);

    private final JdbcClient jdbc;
    private final Registry registry;
    private final MonitoringPlans plans;
    private final LogRegister register;
    private final IncidentCases incidents;
    private final RegimeReporting regimes;
    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostMarketReports(JdbcClient jdbc, Registry registry, MonitoringPlans plans, LogRegister register, IncidentCases incidents,
            RegimeReporting regimes, ObjectMapper objectMapper, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.plans = plans;
        this.register = register;
        this.incidents = incidents;
        this.regimes = regimes;
        this.objectMapper = objectMapper;
        this.events = events;
        this.clock = clock;
    }

    /** A period to review: [from, to). */
    public record ReviewPeriod(String aiSystemId, Instant from, Instant to) {
    }

    /** The review cadence of the system's current monitoring plan, monthly without one. */
    @Transactional(readOnly = true)
    public Period cadence(String systemId) {
        return plans.current(systemId).map(MonitoringPlan::reviewCadence).orElse(DEFAULT_CADENCE);
    }

    /**
     * The scheduled periods that have ended and have no review yet, for every system not withdrawn. A
     * system's first scheduled period is the cadence up to the first of the current month (UTC); each
     * next one starts where the previous scheduled period ended and is due once it has ended.
     */
    @Transactional(readOnly = true)
    public List<ReviewPeriod> duePeriods() {
        Instant now = clock.instant();
        List<ReviewPeriod> due = new ArrayList<>();
        for (AiSystem system : registry.list()) {
            if (system.status() == SystemStatus.WITHDRAWN) {
                continue;
            }
            Period cadence = cadence(system.id());
            Instant last = jdbc.sql("SELECT MAX(period_to) AS last_to FROM post_market_report WHERE system_id = ? AND trigger_kind = ?")
                    .params(system.id(), SCHEDULED).query((rs, n) -> JdbcTime.instant(rs, "last_to")).optional().orElse(null);
            if (last == null) {
                Instant to = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                due.add(new ReviewPeriod(system.id(), minus(to, cadence), to));
                continue;
            }
            for (Instant to = plus(last, cadence); !to.isAfter(now); last = to, to = plus(to, cadence)) {
                due.add(new ReviewPeriod(system.id(), last, to));
            }
        }
        return due;
    }

    /** An on-demand period: as given, or the last cadence period up to now. */
    @Transactional(readOnly = true)
    public ReviewPeriod onDemandPeriod(String systemId, Instant from, Instant to) {
        registry.get(systemId);
        Instant end = to == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : to;
        Instant start = from == null ? minus(end, cadence(systemId)) : from;
        if (!start.isBefore(end)) {
            throw new InvalidFieldException(from == null ? "to" : "from", "the period must start before it ends");
        }
        if (end.isAfter(clock.instant())) {
            throw new InvalidFieldException("to", "must not be in the future: a review covers what happened");
        }
        return new ReviewPeriod(systemId, start, end);
    }

    /** Opens a review of the period; returns its id, e.g. {@code PMR-2026-00003}. */
    @Transactional
    public String open(ReviewPeriod period, String trigger, String actor) {
        registry.get(period.aiSystemId());
        Instant now = clock.instant();
        long number = jdbc.sql("SELECT nextval('post_market_report_number')").query(Long.class).single();
        String id = "PMR-%d-%05d".formatted(LocalDate.ofInstant(now, ZoneOffset.UTC).getYear(), number);
        jdbc.sql("""
                INSERT INTO post_market_report (id, system_id, period_from, period_to, review_cadence, trigger_kind,
                    scheduled_period, status, requested_at, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, period.aiSystemId(), JdbcTime.utc(period.from()), JdbcTime.utc(period.to()),
                        cadence(period.aiSystemId()).toString(), trigger,
                        SCHEDULED.equals(trigger) ? period.aiSystemId() + "/" + period.from() : null, JdbcTime.utc(now), actor)
                .update();
        return id;
    }

    /** Compiles the report of an open review from the register and keeps it as the reviewer will see it. */
    @Transactional
    public PostMarketFindings compile(String reportId) {
        PostMarketReport report = get(reportId);
        PostMarketFindings findings = findings(report.aiSystemId(), report.periodFrom(), report.periodTo());
        jdbc.sql("UPDATE post_market_report SET compiled_report = ? WHERE id = ? AND status = 'OPEN'")
                .params(json(findings), reportId).update();
        return findings;
    }

    /** The register's events of the period, counted ({@link PostMarketTally}). */
    PostMarketFindings findings(String systemId, Instant from, Instant to) {
        return PostMarketTally.findings(systemId, from, to, clock.instant(), register.events(systemId, REPORTED, from, to),
                this::incident);
    }

    private PostMarketFindings.IncidentFinding incident(String incidentId) {
        IncidentCase incident;
        try {
            incident = incidents.get(incidentId);
        } catch (NotFoundException e) {
            return new PostMarketFindings.IncidentFinding(incidentId, null, null, "unknown", List.of());
        }
        List<PostMarketFindings.RegimeStageFinding> stages = new ArrayList<>();
        for (RegimeReporting.RegimeView regime : regimes.views(incident)) {
            regime.stages().stream().filter(s -> s.submittedAt() != null || s.dueAt() != null)
                    .map(s -> new PostMarketFindings.RegimeStageFinding(regime.regime(), s.stage(), s.dueAt(), s.submittedAt(),
                            PostMarketTally.stageStatus(s.dueAt(), s.submittedAt(), s.late(), clock.instant())))
                    .forEach(stages::add);
        }
        return new PostMarketFindings.IncidentFinding(incidentId, incident.deadlineAt(), incident.firstReportSentAt(),
                PostMarketTally.deadlineStatus(incident.deadlineAt(), incident.firstReportSentAt(), clock.instant()), stages);
    }

    /**
     * Signs the review off: freezes the compiled report with the review's conclusions and the sign-off
     * as one JSON text, stores it, and records its SHA-256 in the register. Refuses a second sign-off.
     */
    @Transactional
    public PostMarketReport signOff(String reportId, String conclusions, String riskRegisterNotes, String correctiveActionReason,
            PostMarketReport.SignOff signOff) {
        String compiled = jdbc.sql("SELECT compiled_report FROM post_market_report WHERE id = ? AND status = 'OPEN' FOR UPDATE")
                .param(reportId).query(String.class).optional()
                .orElseThrow(() -> new ConflictException("Post-market report " + reportId + " is not open for sign-off"));
        PostMarketReport report = get(reportId);
        Map<String, Object> frozen = new LinkedHashMap<>();
        frozen.put("postMarketReportId", reportId);
        frozen.put("report", tree(compiled));
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("conclusions", conclusions);
        review.put("riskRegisterNotes", riskRegisterNotes);
        review.put("correctiveActionRequested", correctiveActionReason);
        frozen.put("review", review);
        frozen.put("signOff", signOff);
        String text = json(frozen);
        String sha256 = Sha256.of(text);
        RecordedEvent recorded = register.record(report.aiSystemId(), LogEventType.POST_MARKET_REPORT, signOff.userId(),
                new MaintenanceRecorded.PostMarketReportSigned(reportId, report.periodFrom().toString(),
                        report.periodTo().toString(), sha256, signOff.userId(), signOff.name(), signOff.role(),
                        signOff.at().toString(), correctiveActionReason != null));
        jdbc.sql("""
                UPDATE post_market_report SET status = 'SIGNED', frozen_report = ?, report_sha256 = ?, log_seq = ?, signed_by = ?,
                    signed_by_name = ?, signed_role = ?, signed_at = ?, corrective_action_reason = ? WHERE id = ?""")
                .params(text, sha256, recorded.seq(), signOff.userId(), signOff.name(), signOff.role(),
                        JdbcTime.utc(signOff.at()), correctiveActionReason, reportId)
                .update();
        PostMarketReport signed = get(reportId);
        events.publishEvent(new PostMarketReportSignedOff(signed));
        return signed;
    }

    @Transactional(readOnly = true)
    public PostMarketReport get(String reportId) {
        return jdbc.sql("SELECT * FROM post_market_report WHERE id = ?").param(reportId).query(this::report).optional()
                .orElseThrow(() -> new NotFoundException("Post-market report", reportId));
    }

    /** The system's reviews, newest period first. */
    @Transactional(readOnly = true)
    public List<PostMarketReport> list(String systemId) {
        registry.get(systemId);
        return jdbc.sql("SELECT * FROM post_market_report WHERE system_id = ? ORDER BY period_to DESC, id DESC")
                .param(systemId).query(this::report).list();
    }


    private static Instant plus(Instant instant, Period period) {
        return instant.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    private static Instant minus(Instant instant, Period period) {
        return instant.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable compiled post-market report", e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PostMarketReport report(ResultSet rs, int n) throws SQLException {
        long seq = rs.getLong("log_seq");
        Long logSeq = rs.wasNull() ? null : seq;
        String signedBy = rs.getString("signed_by");
        PostMarketReport.SignOff signOff = signedBy == null ? null : new PostMarketReport.SignOff(signedBy,
                rs.getString("signed_by_name"), rs.getString("signed_role"), JdbcTime.instant(rs, "signed_at"));
        return new PostMarketReport(rs.getString("id"), rs.getString("system_id"), JdbcTime.instant(rs, "period_from"),
                JdbcTime.instant(rs, "period_to"), rs.getString("review_cadence"), rs.getString("trigger_kind"),
                rs.getString("status"), rs.getString("report_sha256"), logSeq, signOff,
                rs.getString("corrective_action_reason"), JdbcTime.instant(rs, "requested_at"), rs.getString("requested_by"),
                rs.getString("frozen_report"));
    }
}
