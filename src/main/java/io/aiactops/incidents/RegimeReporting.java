package io.aiactops.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.calendar.DeadlineWords;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.platform.Sha256;
import io.aiactops.platform.WireName;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import io.aiactops.regimes.MdrCase;
import io.aiactops.regimes.Regime;
import io.aiactops.regimes.RegimeChoice;
import io.aiactops.regimes.RegimeClock;
import io.aiactops.regimes.RegimeFacts;
import io.aiactops.regimes.RegimeStage;
import io.aiactops.regimes.RegimesProperties;
import io.aiactops.regimes.StageClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regimes a serious-incident case runs beside Art. 73: which ones it started and the facts their clocks
 * count from, each stage's submission or decision, and each stage's report per Member State, stored when
 * recorded and marked sent one by one so that a retried send never sends one twice. Every change is recorded
 * in the system's log register chain in the same transaction.
 */
@Service
public class RegimeReporting {

    /** How far in the future a typed submission time may lie: clock skew between people's clocks and ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A rendered stage report not yet sent. */
    public record Pending(long id, String incidentId, Regime regime, RegimeStage stage, String memberState,
            String recipient, String json, String html) {
    }

    /** One recorded submission or decision of a stage. */
    public record Submitted(RegimeStage stage, RegimeSubmission.Outcome outcome, String channel, String portalReference,
            Instant submittedAt, Instant dueAt, boolean late, String reason) {
    }

    /** A regime of a case: its facts, what was submitted, and whether it finished or was waived. */
    public record Started(Regime regime, RegimeFacts facts, List<Submitted> submissions, Instant finishedAt,
            Instant waivedAt, String waiveReason) {

        /** Finished (every stage the regime requires recorded) or waived. */
        public boolean done() {
            return finishedAt != null || waivedAt != null;
        }
    }

    /**
     * One stage of a regime as the API and the case board show it: its clock ({@code due}, {@code waiting}
     * for what starts it, or {@code no_time_limit}), due in UTC and in the Member State's local time, and
     * its latest submission or decision. {@code late}: submitted after the due date, or not submitted and past it.
     */
    public record StageView(String stage, String title, String article, String clock, Instant dueAt, String dueAtLocal,
            String dueInWords, String memberState, String basis, Instant submittedAt, String outcome, String channel, String portalReference,
            boolean late) {
    }

    /** A regime of a case: {@code running}, {@code finished} or {@code waived} (with the reason), and its stages. */
    public record RegimeView(String regime, String title, String legalBasis, String status, Instant awareAt,
            String waiveReason, List<StageView> stages) {

        /** The stage due first that is not submitted yet, while the regime runs. */
        public Optional<StageView> nextDue() {
            return "running".equals(status) ? stages.stream().filter(s -> s.submittedAt() == null && s.dueAt() != null)
                    .min(Comparator.comparing(StageView::dueAt)) : Optional.empty();
        }
    }

    private final JdbcClient jdbc;
    private final IncidentCaseRepository repository;
    private final Registry registry;
    private final LogRegister register;
    private final RegimesProperties properties;
    private final RegimeClock regimeClock;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    RegimeReporting(JdbcClient jdbc, IncidentCaseRepository repository, Registry registry, LogRegister register,
            RegimesProperties properties, RegimeClock regimeClock, ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.registry = registry;
        this.register = register;
        this.properties = properties;
        this.regimeClock = regimeClock;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /**
     * Records the regimes of a classification that the case does not run yet, in {@link Regime}'s order, and
     * returns them; a regime the case already runs keeps its facts.
     */
    @Transactional
    public List<Regime> start(String caseId, List<RegimeChoice> choices, String actor) {
        IncidentCase incident = incident(caseId);
        List<Regime> running = started(caseId).stream().map(Started::regime).toList();
        List<Regime> added = new ArrayList<>();
        for (RegimeChoice choice : choices) {
            if (running.contains(choice.regime())) {
                continue;
            }
            RegimeFacts facts = choice.facts(incident.awareAt());
            jdbc.sql("""
                    INSERT INTO incident_regime (case_id, regime, aware_at, dora_classified_at, nis2_trust_service, mdr_case,
                        started_at, started_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, choice.regime().name(), JdbcTime.utc(facts.awareAt()), utc(facts.doraClassifiedAt()),
                            facts.nis2TrustService(), facts.mdrCase() == null ? null : facts.mdrCase().name(),
                            JdbcTime.utc(clock.instant()), actor)
                    .update();
            register.record(incident.aiSystemId(), LogEventType.INCIDENT, actor, new IncidentRecorded.RegimeStarted(caseId,
                    IncidentRecorded.RegimeStarted.EVENT, choice.regime().wireName(), facts.awareAt().toString(),
                    text(facts.doraClassifiedAt()), choice.regime() == Regime.NIS2 ? facts.nis2TrustService() : null,
                    facts.mdrCase() == null ? null : facts.mdrCase().paragraph()));
            added.add(choice.regime());
        }
        return added;
    }

    /** The regimes the case runs, in {@link Regime}'s order, each with its facts and submissions. */
    @Transactional(readOnly = true)
    public List<Started> started(String caseId) {
        Map<Regime, List<Submitted>> submissions = new EnumMap<>(Regime.class);
        jdbc.sql("SELECT * FROM incident_regime_submission WHERE case_id = ? ORDER BY submitted_at, id").param(caseId)
                .query(rs -> {
                    submissions.computeIfAbsent(Regime.valueOf(rs.getString("regime")), r -> new ArrayList<>()).add(submitted(rs));
                });
        return jdbc.sql("SELECT * FROM incident_regime WHERE case_id = ?").param(caseId)
                .query((rs, n) -> started(rs, submissions.getOrDefault(Regime.valueOf(rs.getString("regime")), List.of())))
                .list().stream().sorted(Comparator.comparing(Started::regime)).toList();
    }

    public Started started(String caseId, Regime regime) {
        return started(caseId).stream().filter(s -> s.regime() == regime).findFirst()
                .orElseThrow(() -> new NotFoundException("Regime " + regime.wireName() + " of incident", caseId));
    }

    /** The regimes the case started that are neither finished nor waived. */
    @Transactional(readOnly = true)
    public List<Regime> unfinished(String caseId) {
        return started(caseId).stream().filter(s -> !s.done()).map(Started::regime).toList();
    }

    /** Each stage's clock for the case: of its Member States, the one due first. */
    @Transactional(readOnly = true)
    public List<StageClock> clocks(String caseId, Regime regime) {
        return clocks(incident(caseId), started(caseId, regime).facts(), regime);
    }

    private List<StageClock> clocks(IncidentCase incident, RegimeFacts facts, Regime regime) {
        return RegimeStage.of(regime).stream().map(stage -> earliest(stage, facts, incident.memberStates())).toList();
    }

    /** Every regime the case started, with each stage's clock and what was submitted, for the API and the board. */
    @Transactional(readOnly = true)
    public List<RegimeView> views(IncidentCase incident) {
        Instant now = clock.instant();
        return started(incident.id()).stream().map(started -> {
            List<StageView> stages = clocks(incident, started.facts(), started.regime()).stream()
                    .filter(c -> c.stage() != RegimeStage.NIS2_PROGRESS || submission(started, c.stage()).isPresent())
                    .map(c -> stageView(c, submission(started, c.stage()).orElse(null), now)).toList();
            String status = started.waivedAt() != null ? "waived" : started.finishedAt() != null ? "finished" : "running";
            return new RegimeView(started.regime().wireName(), started.regime().title(), started.regime().legalBasis(), status,
                    started.facts().awareAt(), started.waiveReason(), stages);
        }).toList();
    }

    /** Of every open case's running regimes, the nearest due date of each stage not submitted yet. */
    @Transactional(readOnly = true)
    public Map<RegimeStage, Instant> nearestPendingStages() {
        List<String> running = jdbc.sql("""
                SELECT DISTINCT r.case_id FROM incident_regime r JOIN incident_case c ON c.id = r.case_id
                WHERE c.status = 'OPEN' AND r.finished_at IS NULL AND r.waived_at IS NULL""").query(String.class).list();
        Map<RegimeStage, Instant> nearest = new EnumMap<>(RegimeStage.class);
        for (String caseId : running) {
            for (RegimeView view : views(incident(caseId))) {
                view.stages().stream().filter(s -> "running".equals(view.status()) && s.submittedAt() == null && s.dueAt() != null)
                        .forEach(s -> nearest.merge(WireName.find(RegimeStage.class, s.stage()).orElseThrow(), s.dueAt(),
                                (a, b) -> a.isBefore(b) ? a : b));
            }
        }
        return nearest;
    }

    private static Optional<Submitted> submission(Started started, RegimeStage stage) {
        return started.submissions().stream().filter(s -> s.stage() == stage).reduce((first, second) -> second);
    }

    private static StageView stageView(StageClock clock, Submitted submitted, Instant now) {
        Instant due = clock.dueAt();
        boolean late = submitted != null ? submitted.late() : due != null && now.isAfter(due);
        return new StageView(clock.stage().wireName(), clock.stage().title(), clock.stage().article(),
                clock.state().name().toLowerCase(), due, clock.localDue() == null ? null : clock.localDue().toOffsetDateTime().toString(),
                due == null ? null : DeadlineWords.ENGLISH.of(due, clock.zone()), clock.memberState(), clock.basis(), submitted == null ? null : submitted.submittedAt(),
                submitted == null ? null : submitted.outcome().name().toLowerCase(), submitted == null ? null : submitted.channel(),
                submitted == null ? null : submitted.portalReference(), late);
    }

    /**
     * A stage's deadline as a person reads it in a mail: in the local time of the Member State whose clock
     * runs out first (the one the case board shows), with the zone and the UTC time beside it.
     */
    public String deadlineInWords(String caseId, RegimeStage stage, Instant due) {
        StageClock clock = clock(caseId, stage);
        return DeadlineWords.ENGLISH.of(due, clock.zone()) + ", the deadline in " + clock.memberState();
    }

    public StageClock clock(String caseId, RegimeStage stage) {
        return clocks(caseId, stage.regime()).stream().filter(c -> c.stage() == stage).findFirst().orElseThrow();
    }

    private StageClock earliest(RegimeStage stage, RegimeFacts facts, List<String> memberStates) {
        return memberStates.stream().map(ms -> regimeClock.clock(stage, facts, ms))
                .min(Comparator.comparing(StageClock::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElseThrow(() -> new IllegalStateException("a classified case names its Member States"));
    }

    /** Refuses a submission that could not be recorded, naming the form field in plain words; changes nothing. */
    @Transactional(readOnly = true)
    public void validate(String caseId, RegimeSubmission submission) {
        IncidentCase incident = incident(caseId);
        Regime regime = submission.stage().regime();
        Started started = started(caseId, regime);
        if (!incident.open() || started.waivedAt() != null) {
            throw new ConflictException("Incident " + caseId + " no longer reports under " + regime.title());
        }
        Instant now = clock.instant();
        if (submission.submittedAt() != null) {
            if (submission.submittedAt().isAfter(now.plus(CLOCK_SKEW))) {
                throw new InvalidFieldException(RegimeReportingVariables.SUBMITTED_AT.name(),
                        "the time of submission or decision must not be in the future");
            }
            if (submission.submittedAt().isBefore(started.facts().awareAt())) {
                throw new InvalidFieldException(RegimeReportingVariables.SUBMITTED_AT.name(), "the time of submission ("
                        + submission.submittedAt() + ") cannot be before awareness under " + regime.title() + " ("
                        + started.facts().awareAt() + ")");
            }
        }
        switch (submission.outcome()) {
            case NOT_NEEDED -> require(submission.reason(), RegimeReportingVariables.NOT_NEEDED_REASON.name(),
                    "say why no notification is needed: GDPR Art. 33(5) requires the decision and its reason to be documented");
            case NOT_TOLD -> require(submission.reason(), RegimeReportingVariables.DATA_SUBJECTS_EXCEPTION.name(),
                    "say which exception of GDPR Art. 34(3) applies when the data subjects are not told");
            case SUBMITTED, INCOMPLETE -> validateReport(incident, submission, started, now);
            case TOLD -> {
            }
        }
    }

    private void validateReport(IncidentCase incident, RegimeSubmission submission, Started started, Instant now) {
        Regime regime = submission.stage().regime();
        if (submission.throughPortal()) {
            require(submission.portalReference(), RegimeReportingVariables.PORTAL_REFERENCE.name(),
                    "a submission through the authority's portal needs the reference the portal gave");
            if (submission.submittedAt() == null) {
                throw new InvalidFieldException(RegimeReportingVariables.SUBMITTED_AT.name(),
                        "say when it was submitted through the portal: the clock stops at that time");
            }
        } else {
            require(submission.content().summary(), RegimeReportingVariables.REPORT_SUMMARY.name(),
                    "the report needs its summary of the incident");
            for (String memberState : incident.memberStates()) {
                if (properties.recipient(regime, memberState).isEmpty()) {
                    throw new InvalidFieldException(RegimeReportingVariables.SUBMITTED_THROUGH_PORTAL.name(), "no recipient of "
                            + regime.title() + " reports in " + memberState + ": an administrator sets "
                            + RegimesProperties.recipientSetting(regime, memberState) + ", or submit through the portal");
                }
            }
        }
        StageClock stageClock = clock(incident.id(), submission.stage());
        Instant at = submission.submittedAt() == null ? now : submission.submittedAt();
        if (stageClock.state() == StageClock.State.DUE && !stageClock.metBy(at)) {
            require(submission.reason(), RegimeReportingVariables.DELAY_REASONS.name(), "it is submitted after its deadline ("
                    + stageClock.dueAt() + "): give the reasons for the delay");
        }
    }

    /** Records a stage's submission or decision and renders its report for each Member State unless it went through the portal. */
    @Transactional
    public void record(String caseId, RegimeSubmission submission, String actor) {
        validate(caseId, submission);
        IncidentCase incident = incident(caseId);
        Regime regime = submission.stage().regime();
        Started started = started(caseId, regime);
        StageClock stageClock = clock(caseId, submission.stage());
        Instant now = clock.instant();
        Instant at = submission.submittedAt() == null ? now : submission.submittedAt();
        boolean late = submission.outcome().reported() && !stageClock.metBy(at);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_regime_submission (case_id, regime, stage, outcome, channel, portal_reference, submitted_at,
                    due_at, late, reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, regime.name(), submission.stage().name(), submission.outcome().name(), submission.channel(),
                        submission.throughPortal() ? submission.portalReference() : null, JdbcTime.utc(at),
                        utc(stageClock.dueAt()), late, submission.reason(), JdbcTime.utc(now), actor)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (submission.outcome().reported() && !submission.throughPortal()) {
            AiSystem system = registry.get(incident.aiSystemId());
            for (String memberState : incident.memberStates()) {
                RegimesProperties.Recipient recipient = properties.recipient(regime, memberState).orElseThrow();
                RegimeReport report = report(incident, system, started.facts(), submission,
                        regimeClock.clock(submission.stage(), started.facts(), memberState), at, late, recipient);
                String json = json(report);
                String html = RegimeReportHtml.render(report);
                jdbc.sql("""
                        INSERT INTO incident_regime_report (submission_id, case_id, regime, stage, member_state, recipient, content,
                            sha256, html, html_sha256, prepared_at, prepared_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, caseId, regime.name(), submission.stage().name(), memberState, recipient.email(), json,
                                Sha256.of(json), html, Sha256.of(html), JdbcTime.utc(now), actor)
                        .update();
            }
        }
        register.record(incident.aiSystemId(), LogEventType.INCIDENT, actor, new IncidentRecorded.RegimeStageRecorded(caseId,
                IncidentRecorded.RegimeStageRecorded.EVENT, regime.wireName(), submission.stage().wireName(),
                submission.outcome().name().toLowerCase(), submission.channel().toLowerCase(),
                submission.throughPortal() ? submission.portalReference() : null, at.toString(), text(stageClock.dueAt()),
                late, submission.reason()));
    }

    /** Refuses an authority's request for an intermediate report without its due date, naming the field. */
    public void validateIntermediateRequest(Instant requestedAt, Instant dueAt) {
        Instant at = requestedAt == null ? clock.instant() : requestedAt;
        if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidFieldException(RegimeReportingVariables.SUBMITTED_AT.name(), "the time of the request must not be in the future");
        }
        if (dueAt == null || !dueAt.isAfter(at)) {
            throw new InvalidFieldException(RegimeReportingVariables.REQUEST_DUE_AT.name(),
                    "enter the due date the authority's request sets, after the request");
        }
    }

    /** NIS2 23(4)(c): the authority asked for an intermediate report, due when the request says. */
    @Transactional
    public void recordIntermediateRequest(String caseId, Instant requestedAt, Instant dueAt, String actor) {
        validateIntermediateRequest(requestedAt, dueAt);
        started(caseId, Regime.NIS2);
        Instant at = requestedAt == null ? clock.instant() : requestedAt;
        jdbc.sql("UPDATE incident_regime SET nis2_requested_at = ?, nis2_request_due_at = ? WHERE case_id = ? AND regime = 'NIS2'")
                .params(JdbcTime.utc(at), JdbcTime.utc(dueAt), caseId).update();
        recordStep(caseId, new IncidentRecorded.RegimeStageRecorded(caseId, IncidentRecorded.RegimeStageRecorded.EVENT,
                Regime.NIS2.wireName(), RegimeStage.NIS2_INTERMEDIATE.wireName(), "requested", null, null, at.toString(),
                dueAt.toString(), null, null), actor);
    }

    /** Refuses a missing end of the incident, one in the future or before awareness, naming the field. */
    @Transactional(readOnly = true)
    public void validateHandled(String caseId, Instant handledAt) {
        Instant awareAt = started(caseId, Regime.NIS2).facts().awareAt();
        if (handledAt == null) {
            throw new InvalidFieldException(RegimeReportingVariables.HANDLED_AT.name(), "say when the incident was handled");
        }
        if (handledAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidFieldException(RegimeReportingVariables.HANDLED_AT.name(), "must not be in the future");
        }
        if (handledAt.isBefore(awareAt)) {
            throw new InvalidFieldException(RegimeReportingVariables.HANDLED_AT.name(), "cannot be before awareness (" + awareAt + ")");
        }
    }

    /** NIS2 23(4)(e): the incident, still ongoing at the progress report, was handled at {@code handledAt}. */
    @Transactional
    public void recordHandled(String caseId, Instant handledAt, String actor) {
        validateHandled(caseId, handledAt);
        jdbc.sql("UPDATE incident_regime SET nis2_handled_at = ? WHERE case_id = ? AND regime = 'NIS2'")
                .params(JdbcTime.utc(handledAt), caseId).update();
        recordStep(caseId, new IncidentRecorded.RegimeStageRecorded(caseId, IncidentRecorded.RegimeStageRecorded.EVENT,
                Regime.NIS2.wireName(), RegimeStage.NIS2_FINAL.wireName(), "incident_handled", null, null,
                handledAt.toString(), null, null, null), actor);
    }

    @Transactional(readOnly = true)
    public List<Pending> unsent(String caseId, Regime regime) {
        return jdbc.sql("SELECT * FROM incident_regime_report WHERE case_id = ? AND regime = ? AND sent_at IS NULL ORDER BY id")
                .params(caseId, regime.name())
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("case_id"), Regime.valueOf(rs.getString("regime")),
                        RegimeStage.valueOf(rs.getString("stage")), rs.getString("member_state"), rs.getString("recipient"),
                        rs.getString("content"), rs.getString("html")))
                .list();
    }

    /**
     * Marks one report sent and records it in the register, in a transaction of its own: once a mail went, a
     * failure of the next one must not undo the record of this one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void markSent(Pending report, String messageId, String actor) {
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE incident_regime_report SET sent_at = ?, message_id = ? WHERE id = ? AND sent_at IS NULL")
                .params(JdbcTime.utc(now), messageId, report.id()).update();
        if (updated == 0) {
            return;
        }
        register.record(incident(report.incidentId()).aiSystemId(), LogEventType.REPORT_SENT, actor,
                new IncidentRecorded.RegimeReportSent(report.incidentId(), report.regime().wireName(),
                        report.stage().wireName(), report.memberState(), report.recipient(), now.toString(), messageId,
                        Sha256.of(report.json()), Sha256.of(report.html())));
    }

    /** The regime's last stage is recorded: the case may close as far as this regime goes. */
    @Transactional
    public void finish(String caseId, Regime regime, String actor) {
        int updated = jdbc.sql("UPDATE incident_regime SET finished_at = ? WHERE case_id = ? AND regime = ? AND finished_at IS NULL")
                .params(JdbcTime.utc(clock.instant()), caseId, regime.name()).update();
        if (updated > 0) {
            recordStep(caseId, new IncidentRecorded.RegimeFinished(caseId, IncidentRecorded.RegimeFinished.FINISHED,
                    regime.wireName(), null), actor);
        }
    }

    /** Waives a regime the case started but will not finish, with the reason; the case may then close. */
    @Transactional
    public void waive(String caseId, Regime regime, String reason, String actor) {
        Started started = started(caseId, regime);
        if (!incident(caseId).open()) {
            throw new ConflictException("Incident " + caseId + " is closed");
        }
        if (started.done()) {
            throw new ConflictException(regime.title() + " of incident " + caseId + " is already "
                    + (started.finishedAt() != null ? "finished" : "waived"));
        }
        require(reason, "reason", "say why " + regime.title() + " is waived");
        jdbc.sql("UPDATE incident_regime SET waived_at = ?, waived_by = ?, waive_reason = ? WHERE case_id = ? AND regime = ?")
                .params(JdbcTime.utc(clock.instant()), actor, reason, caseId, regime.name()).update();
        recordStep(caseId, new IncidentRecorded.RegimeFinished(caseId, IncidentRecorded.RegimeFinished.WAIVED,
                regime.wireName(), reason), actor);
    }

    private void recordStep(String caseId, IncidentRecorded.Step step, String actor) {
        register.record(incident(caseId).aiSystemId(), LogEventType.INCIDENT, actor, step);
    }

    private RegimeReport report(IncidentCase incident, AiSystem system, RegimeFacts facts, RegimeSubmission submission,
            StageClock local, Instant submittedAt, boolean late, RegimesProperties.Recipient recipient) {
        String memberState = local.memberState();
        RegimeStage stage = submission.stage();
        Regime regime = stage.regime();
        return new RegimeReport(RegimeReport.SCHEMA, incident.id(), regime.wireName(), regime.legalBasis(), stage.wireName(),
                stage.title(), stage.article(),
                new RegimeReport.Recipient(memberState, recipient.name() == null ? regime.title() + " authority " + memberState
                        : recipient.name(), recipient.email()),
                new RegimeReport.Entity(system.providerName(), system.providerContact(), system.id(), system.name()),
                new RegimeReport.Incident(incident.id(), incident.description(), incident.occurredAt(), facts.awareAt(),
                        facts.doraClassifiedAt(), Optional.ofNullable(facts.mdrCase()).map(MdrCase::paragraph).orElse(null),
                        incident.memberStates(), incident.personsAffected()),
                submission.content(),
                new RegimeReport.Clock(local.basis(), local.dueAt(),
                        local.localDue() == null ? null : local.localDue().toOffsetDateTime().toString(),
                        local.dueAt() == null ? null : DeadlineWords.ENGLISH.of(local.dueAt(), local.zone()), submittedAt, late,
                        late ? submission.reason() : null));
    }

    private String json(RegimeReport report) {
        try {
            return objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not render the " + report.stage() + " report of " + report.incidentId(), e);
        }
    }

    private IncidentCase incident(String caseId) {
        return repository.find(caseId).orElseThrow(() -> new NotFoundException("Incident", caseId));
    }

    private static Started started(ResultSet rs, List<Submitted> submissions) throws SQLException {
        RegimeFacts facts = RegimeFacts.awareAt(JdbcTime.instant(rs, "aware_at"));
        Instant classifiedAt = JdbcTime.instant(rs, "dora_classified_at");
        facts = classifiedAt == null ? facts : facts.withDoraClassifiedAt(classifiedAt);
        facts = rs.getBoolean("nis2_trust_service") ? facts.withNis2TrustService() : facts;
        String mdrCase = rs.getString("mdr_case");
        facts = mdrCase == null ? facts : facts.withMdrCase(MdrCase.valueOf(mdrCase));
        Instant requestedAt = JdbcTime.instant(rs, "nis2_requested_at");
        facts = requestedAt == null ? facts : facts.withNis2IntermediateRequest(requestedAt, JdbcTime.instant(rs, "nis2_request_due_at"));
        Instant handledAt = JdbcTime.instant(rs, "nis2_handled_at");
        facts = handledAt == null ? facts : facts.withNis2HandledAt(handledAt);
        for (Submitted submitted : submissions) {
            facts = facts.withSubmission(submitted.stage(), submitted.submittedAt());
        }
        return new Started(Regime.valueOf(rs.getString("regime")), facts, submissions, JdbcTime.instant(rs, "finished_at"),
                JdbcTime.instant(rs, "waived_at"), rs.getString("waive_reason"));
    }

    private static Submitted submitted(ResultSet rs) throws SQLException {
        return new Submitted(RegimeStage.valueOf(rs.getString("stage")),
                RegimeSubmission.Outcome.valueOf(rs.getString("outcome")), rs.getString("channel").toLowerCase(),
                rs.getString("portal_reference"), JdbcTime.instant(rs, "submitted_at"), JdbcTime.instant(rs, "due_at"),
                rs.getBoolean("late"), rs.getString("reason"));
    }

    private static void require(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException(field, message);
        }
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : JdbcTime.utc(instant);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
