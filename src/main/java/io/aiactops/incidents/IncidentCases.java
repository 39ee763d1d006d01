package io.aiactops.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.aiactops.calendar.TimeLimit;
import io.aiactops.logs.EvidenceHold;
import io.aiactops.logs.EvidenceHolds;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.MemberStates;
import io.aiactops.registry.Registry;
import io.aiactops.regimes.Regime;
import io.aiactops.regimes.RegimeChecks;
import io.aiactops.regimes.RegimeChoice;
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
    private final IncidentCaseRepository repository;
    private final IncidentClock incidentClock;
    private final Reportability reportability;
    private final Clock clock;
    private final RegimeChecks regimeChecks;
    private final RegimeReporting regimeReporting;

    IncidentCases(JdbcClient jdbc, Registry registry, LogRegister register, EvidenceHolds holds,
            IncidentCaseRepository repository, IncidentClock incidentClock, Reportability reportability, Clock clock,
            RegimeChecks regimeChecks, RegimeReporting regimeReporting) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.register = register;
        this.holds = holds;
        this.repository = repository;
        this.incidentClock = incidentClock;
        this.reportability = reportability;
        this.clock = clock;
        this.regimeChecks = regimeChecks;
        this.regimeReporting = regimeReporting;
    }

    /** Refuses a new incident that could not be opened, naming the field; changes nothing. */
    public void validate(NewIncident incident) {
        InvalidFieldException.requireText("aiSystemId", incident.aiSystemId(), 64);
        if (registry.status(incident.aiSystemId()).isEmpty()) {
            throw new InvalidFieldException("aiSystemId", "no AI system '" + incident.aiSystemId() + "' is registered");
        }
        InvalidFieldException.requireText("description", incident.description(), 8000);
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
        InvalidFieldException.requireText("reporter", incident.reporter(), 200);
        InvalidFieldException.requireText("reporterContact", incident.reporterContact(), 320);
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
        // providerInformedAt, Art. 26(5): the deployer informed the provider first; this is when.
        register.record(incident.aiSystemId(), LogEventType.INCIDENT, actor, new IncidentRecorded.Opened(id,
                IncidentRecorded.Opened.EVENT, incident.origin().wireName(), incident.occurredAt().toString(), awareAt.toString(),
                incident.reporter(), normalized(incident.memberStates()), incident.personsAffected(), incident.description(),
                incident.deployerReference(), providerInformedAt == null ? null : providerInformedAt.toString()));
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
        regimeChecks.validate(classification.regimes(), current.awareAt(), classification.memberStates(),
                clock.instant().plus(CLOCK_SKEW));
    }

    /**
     * Refuses a regime added later in the case that could not run its clocks (as in the classification), or that
     * the case already runs; changes nothing.
     */
    public void validateAddedRegime(String caseId, RegimeChoice choice) {
        IncidentCase current = get(caseId);
        if (!current.open()) {
            throw new ConflictException("Incident " + caseId + " is closed");
        }
        if (regimeReporting.started(caseId).stream().anyMatch(s -> s.regime() == choice.regime())) {
            throw new ConflictException("Incident " + caseId + " already reports under " + choice.regime().title());
        }
        regimeChecks.validate(List.of(choice), current.awareAt(), current.memberStates(), clock.instant().plus(CLOCK_SKEW));
    }

    /** Whether the case's system falls under a sectoral regime (MDR/IVDR): its classification preselects that regime. */
    @Transactional(readOnly = true)
    public boolean underSectoralRegime(String caseId) {
        return registry.get(get(caseId).aiSystemId()).sectoralRegime();
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
        register.record(current.aiSystemId(), LogEventType.INCIDENT, actor, new IncidentRecorded.Classified(caseId,
                IncidentRecorded.Classified.EVENT, classification.serious(),
                classification.harms().stream().map(h -> h.name().toLowerCase()).sorted().toList(), classification.widespread(),
                outcome.reportable(), outcome.reason(), normalized(classification.memberStates()),
                deadlines == null ? null : deadlines.period().explanation(),
                deadlines == null ? null : deadlines.timeLimits().stream().map(l -> new IncidentRecorded.Classified.Deadline(
                        l.memberState(), l.nominal().endsAt().toString(), l.adjusted().endsAt().toString())).toList()));
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
    public void recordStep(IncidentRecorded.Step step, String actor) {
        IncidentCase current = get(step.incidentId());
        register.record(current.aiSystemId(), LogEventType.INCIDENT, actor, step);
    }

    /**
     * Closes the case; its evidence hold, if still active, is released with the closing reason. Refused while a
     * regime the case started beside Art. 73 is neither finished nor waived.
     */
    @Transactional
    public void close(String caseId, String reason, String actor) {
        IncidentCase current = get(caseId);
        if (!current.open()) {
            throw new ConflictException("Incident " + caseId + " is already closed");
        }
        List<Regime> unfinished = regimeReporting.unfinished(caseId);
        if (!unfinished.isEmpty()) {
            throw new ConflictException("Incident " + caseId + " cannot close while reporting under "
                    + unfinished.stream().map(Regime::title).collect(Collectors.joining(", "))
                    + " is not finished: submit its last stage, or waive it with a reason");
        }
        releaseHold(caseId, "incident case " + caseId + " closed: " + reason, actor);
        jdbc.sql("UPDATE incident_case SET status = 'CLOSED', closed_at = ?, closed_by = ?, close_reason = ? WHERE id = ?")
                .params(JdbcTime.utc(clock.instant()), actor, reason, caseId).update();
        register.record(current.aiSystemId(), LogEventType.INCIDENT, actor,
                new IncidentRecorded.Closed(caseId, IncidentRecorded.Closed.EVENT, reason));
    }

    @Transactional(readOnly = true)
    public IncidentCase get(String caseId) {
        return repository.find(caseId).orElseThrow(() -> new NotFoundException("Incident", caseId));
    }

    /**
     * Cases with the given status ({@code null}: all), the most urgent first: by the earliest adjusted
     * deadline, and a case not classified yet by when its classification is due.
     */
    @Transactional(readOnly = true)
    public List<IncidentCase> list(String status) {
        return repository.list(status).stream()
                .sorted(Comparator.comparing(this::urgency, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** When the case must act next under Art. 73: its earliest adjusted deadline, or its classification's due date. */
    Instant urgency(IncidentCase incident) {
        if (incident.deadlineAt() != null) {
            return incident.deadlineAt();
        }
        return incident.open() && incident.classification() == null ? incidentClock.classificationDue(incident.awareAt()) : null;
    }

    private void replaceMemberStates(String caseId, List<String> memberStates) {
        jdbc.sql("DELETE FROM incident_member_state WHERE case_id = ?").param(caseId).update();
        for (String code : normalized(memberStates)) {
            jdbc.sql("INSERT INTO incident_member_state (case_id, country_code) VALUES (?, ?)").params(caseId, code).update();
        }
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

    private static String joined(Collection<String> values) {
        return values.isEmpty() ? null : values.stream().sorted().collect(Collectors.joining(","));
    }

}
