package io.aiactops.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.registry.AuthoritiesProperties;
import io.aiactops.calendar.Deadline;
import io.aiactops.calendar.TimeLimits;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.notification.TrackedRecipients;
import io.aiactops.notification.TrackedRecipients.Recipient;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.EconomicOperatorsProperties;
import io.aiactops.registry.MemberStates;
import io.aiactops.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrective-action cases (Art. 20, Art. 79(2)): opening (with the authority's deadline when ordered),
 * the decision, the operators informed and their acknowledgements, the verdict on effectiveness, and
 * closing. Every step is recorded in the system's log register.
 */
@Service
public class CorrectiveActions {

    /** Case ids look like CA-2026-00007; tracked recipients of a case have the case id as their subject. */
    static final String ID_PREFIX = "CA-";
    static final String DEPLOYER = "DEPLOYER";

    private final JdbcClient jdbc;
    private final Registry registry;
    private final LogRegister register;
    private final TimeLimits timeLimits;
    private final MaintenanceProperties properties;
    private final AuthoritiesProperties authorities;
    private final EconomicOperatorsProperties operators;
    private final TrackedRecipients recipients;
    private final Clock clock;

    CorrectiveActions(JdbcClient jdbc, Registry registry, LogRegister register, TimeLimits timeLimits,
            MaintenanceProperties properties, AuthoritiesProperties authorities, EconomicOperatorsProperties operators,
            TrackedRecipients recipients, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.register = register;
        this.timeLimits = timeLimits;
        this.properties = properties;
        this.authorities = authorities;
        this.operators = operators;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Refuses a request that could not be opened, naming the field; changes nothing. */
    public void validate(NewCorrectiveAction request) {
        if (registry.status(request.aiSystemId()).isEmpty()) {
            throw new NotFoundException("AI system", request.aiSystemId());
        }
        InvalidFieldException.requireText("reason", request.reason(), 4000);
        if (request.origin() == null) {
            throw new InvalidFieldException("origin", "must be one of " + CorrectiveActionOrigin.wireNames());
        }
        if (request.reference() != null && request.reference().length() > 200) {
            throw new InvalidFieldException("reference", "must be at most 200 characters");
        }
        NewCorrectiveAction.AuthorityOrder order = request.order();
        if ((request.origin() == CorrectiveActionOrigin.AUTHORITY_ORDER) != (order != null)) {
            throw new InvalidFieldException("authorityOrder", "is required exactly when origin is authority_order");
        }
        if (order != null) {
            if (order.memberState() == null || !order.memberState().matches(MemberStates.ISO_CODES)) {
                throw new InvalidFieldException("authorityOrder.memberState", MemberStates.MESSAGE);
            }
            InvalidFieldException.requireText("authorityOrder.reference", order.reference(), 200);
            if (order.orderedAt() == null) {
                throw new InvalidFieldException("authorityOrder.orderedAt", "is required: when the order was notified");
            }
            if (order.orderedAt().isAfter(clock.instant().plusSeconds(300))) {
                throw new InvalidFieldException("authorityOrder.orderedAt", "must not be in the future");
            }
            if (order.periodDays() != null && (order.periodDays() < 1 || order.periodDays() > 366)) {
                throw new InvalidFieldException("authorityOrder.periodDays", "must be between 1 and 366");
            }
        }
    }

    /**
     * Art. 79(2): due within the authority's period and at most the configured number of working days
     * (15), both counted in the ordering Member State's calendar; the earlier end wins.
     */
    Deadline authorityDeadline(NewCorrectiveAction.AuthorityOrder order) {
        Deadline workingDays = timeLimits.workingDays(order.orderedAt(), properties.authorityOrderMaxWorkingDays(),
                order.memberState());
        if (order.periodDays() == null) {
            return workingDays;
        }
        Deadline period = timeLimits.days(order.orderedAt(), order.periodDays(), order.memberState()).adjusted();
        return period.endsAt().isBefore(workingDays.endsAt()) ? period : workingDays;
    }

    /** Opens a case and records it in the register; returns its id, e.g. {@code CA-2026-00007}. */
    @Transactional
    public String open(NewCorrectiveAction request, String actor) {
        validate(request);
        Instant now = clock.instant();
        long number = jdbc.sql("SELECT nextval('corrective_action_number')").query(Long.class).single();
        String id = ID_PREFIX + "%d-%05d".formatted(now.atZone(ZoneOffset.UTC).getYear(), number);
        NewCorrectiveAction.AuthorityOrder order = request.order();
        Deadline due = order == null ? null : authorityDeadline(order);
        jdbc.sql("""
                INSERT INTO corrective_action (id, system_id, reason, origin, reference, authority_member_state,
                    authority_reference, ordered_at, authority_period_days, due_last_day, due_at, status, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, request.aiSystemId(), request.reason(), request.origin().wireName(), request.reference(),
                        order == null ? null : order.memberState(), order == null ? null : order.reference(),
                        order == null ? null : JdbcTime.utc(order.orderedAt()), order == null ? null : order.periodDays(),
                        due == null ? null : due.lastDay(), due == null ? null : JdbcTime.utc(due.endsAt()),
                        JdbcTime.utc(now), actor)
                .update();
        register.record(request.aiSystemId(), LogEventType.CORRECTIVE_ACTION, actor, CorrectiveActionRecorded.requested(id,
                request.origin().wireName(), request.reason(), request.reference(),
                due == null ? null : order.memberState() + " " + order.reference(), due == null ? null : due.endsAt().toString()));
        return id;
    }

    @Transactional
    public void attachProcess(String actionId, String processInstanceId) {
        jdbc.sql("UPDATE corrective_action SET process_instance_id = ? WHERE id = ?").params(processInstanceId, actionId)
                .update();
    }

    /** Refuses a decision that could not be recorded, naming the form field. */
    public static void validateDecision(CorrectiveActionType type, String rationale) {
        if (type == null) {
            throw new InvalidFieldException("action", "choose one of " + CorrectiveActionType.wireNames());
        }
        if (rationale == null || rationale.isBlank()) {
            throw new InvalidFieldException("rationale", "give the rationale of the decision; it is recorded in the log register");
        }
        if (rationale.length() > 4000) {
            throw new InvalidFieldException("rationale", "must be at most 4000 characters");
        }
    }

    @Transactional
    public void decide(String actionId, CorrectiveActionType type, String rationale, boolean presentsRisk, String actor) {
        validateDecision(type, rationale);
        CorrectiveAction action = get(actionId);
        requireOpen(action);
        jdbc.sql("""
                UPDATE corrective_action SET action = ?, rationale = ?, presents_risk = ?, decided_at = ?, decided_by = ?,
                    effective = NULL WHERE id = ?""")
                .params(type.name(), rationale, presentsRisk, JdbcTime.utc(clock.instant()), actor, actionId).update();
        // A new decision informs the operators anew (the previous one did not work).
        recipients.restart(actionId);
        register.record(action.aiSystemId(), LogEventType.CORRECTIVE_ACTION, actor,
                CorrectiveActionRecorded.decided(actionId, type.wireName(), rationale, presentsRisk));
    }

    /** The verdict on a retrained or adapted version, with the KPIs it was based on. */
    @Transactional
    public void recordEffectiveness(String actionId, boolean effective, String notes, Map<String, Object> kpis, String actor) {
        CorrectiveAction action = get(actionId);
        jdbc.sql("UPDATE corrective_action SET effective = ? WHERE id = ?").params(effective, actionId).update();
        register.record(action.aiSystemId(), LogEventType.CORRECTIVE_ACTION, actor,
                CorrectiveActionRecorded.verified(actionId, effective, notes, kpis));
    }

    @Transactional
    public void close(String actionId, String reason, String actor) {
        CorrectiveAction action = get(actionId);
        requireOpen(action);
        jdbc.sql("UPDATE corrective_action SET status = 'CLOSED', closed_at = ?, closed_by = ?, close_reason = ? WHERE id = ?")
                .params(JdbcTime.utc(clock.instant()), actor, reason, actionId).update();
        register.record(action.aiSystemId(), LogEventType.CORRECTIVE_ACTION, actor, CorrectiveActionRecorded.closed(actionId, reason));
    }

    /**
     * Who Art. 20 says to inform of the decision: deployers, distributors, importers, authorised
     * representatives, and the market surveillance authorities of the system's Member States when it
     * presents a risk.
     */
    @Transactional(readOnly = true)
    public List<Recipient> everyone(String actionId) {
        CorrectiveAction action = get(actionId);
        AiSystem system = registry.get(action.aiSystemId());
        List<Recipient> all = new ArrayList<>();
        system.deployers().forEach(d -> all.add(new Recipient(DEPLOYER, d.name(), d.email())));
        all.addAll(operators.recipients());
        if (Boolean.TRUE.equals(action.presentsRisk())) {
            system.memberStates().forEach(ms -> authorities.of(ms).ifPresent(a -> all.add(new Recipient(
                    "MARKET_SURVEILLANCE_AUTHORITY", a.name() == null ? "Market surveillance authority " + ms : a.name(),
                    a.email()))));
        }
        return all;
    }

    /** Deployers informed of the case who have not acknowledged yet, for the recall's reminder. */
    @Transactional(readOnly = true)
    public List<TrackedRecipients.Tracked> unacknowledgedDeployers(String actionId) {
        return recipients.unacknowledged(actionId, DEPLOYER);
    }

    /** Whether tracked recipients of this subject are a corrective action's. */
    static boolean isCase(String subject) {
        return subject.startsWith(ID_PREFIX);
    }

    /**
     * A deployer's acknowledgement through the link in the mail (its recipient found by the link's token);
     * a repeated one is not recorded again.
     */
    @Transactional
    public Acknowledged acknowledge(TrackedRecipients.Tracked deployer) {
        String actionId = deployer.subject();
        CorrectiveAction action = get(actionId);
        lockCase(actionId); // before the recipient's row: see lockCase
        TrackedRecipients.Acknowledgement acknowledgement = recipients.acknowledge(deployer);
        String email = acknowledgement.recipient().email();
        if (acknowledgement.first()) {
            register.record(action.aiSystemId(), LogEventType.CORRECTIVE_ACTION, email,
                    CorrectiveActionRecorded.acknowledged(actionId, email));
        }
        return new Acknowledged(actionId, action.aiSystemId(), email, unacknowledgedDeployers(actionId).isEmpty(),
                action.processInstanceId());
    }

    /** Whether every deployer has acknowledged the recall (the process asks before it waits for them). */
    @Transactional
    public boolean allDeployersAcknowledged(String actionId) {
        lockCase(actionId);
        return unacknowledgedDeployers(actionId).isEmpty();
    }

    /**
     * The case's row, locked until the transaction ends. The process's question above and an acknowledgement
     * take turns on it: otherwise a last acknowledgement that commits while the process's own transaction
     * (which asked before it) is on its way to the wait correlates with no waiting process, and the case
     * stays open until the next reminder. An acknowledgement takes it before its recipient's row, as a
     * decision updates the case's row before its recipients: one order, no deadlock. Informing and reminding
     * write each recipient in a short transaction of its own (TrackedRecipients), so the process's
     * transaction takes the lock only when it asks, after the mails, and holds no lock while mail is sent.
     */
    private void lockCase(String actionId) {
        jdbc.sql("SELECT id FROM corrective_action WHERE id = ? FOR UPDATE").param(actionId).query(String.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public CorrectiveAction get(String actionId) {
        return find(actionId).orElseThrow(() -> new NotFoundException("Corrective action", actionId));
    }

    @Transactional(readOnly = true)
    public Optional<CorrectiveAction> find(String actionId) {
        return jdbc.sql("SELECT * FROM corrective_action WHERE id = ?").param(actionId).query(this::action).optional();
    }

    @Transactional(readOnly = true)
    public List<CorrectiveAction> list(String systemId) {
        registry.get(systemId);
        return jdbc.sql("SELECT * FROM corrective_action WHERE system_id = ? ORDER BY created_at DESC, id DESC").param(systemId)
                .query(this::action).list();
    }

    private CorrectiveAction action(ResultSet rs, int n) throws SQLException {
        String id = rs.getString("id");
        List<CorrectiveAction.Recipient> informed = recipients.list(id).stream().map(r -> new CorrectiveAction.Recipient(
                r.role(), r.name(), r.email(), r.attemptedAt(), r.sentAt(), r.failure(), r.acknowledgedAt())).toList();
        String type = rs.getString("action");
        Integer period = rs.getObject("authority_period_days", Integer.class);
        return new CorrectiveAction(id, rs.getString("system_id"), rs.getString("reason"), rs.getString("origin"),
                rs.getString("reference"), rs.getString("authority_member_state"), rs.getString("authority_reference"),
                JdbcTime.instant(rs, "ordered_at"), period, rs.getObject("due_last_day", LocalDate.class),
                JdbcTime.instant(rs, "due_at"), type == null ? null : CorrectiveActionType.valueOf(type).wireName(),
                rs.getString("rationale"), rs.getObject("presents_risk", Boolean.class), JdbcTime.instant(rs, "decided_at"),
                rs.getString("decided_by"), rs.getObject("effective", Boolean.class), rs.getString("status"),
                rs.getString("process_instance_id"), informed, JdbcTime.instant(rs, "created_at"), rs.getString("created_by"),
                JdbcTime.instant(rs, "closed_at"), rs.getString("closed_by"), rs.getString("close_reason"));
    }

    private static void requireOpen(CorrectiveAction action) {
        if (!action.open()) {
            throw new ConflictException("Corrective action " + action.id() + " is closed");
        }
    }

}
