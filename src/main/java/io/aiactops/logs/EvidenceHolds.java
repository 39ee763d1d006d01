package io.aiactops.logs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Places, releases and lists evidence holds; each change is recorded in the system's chain. */
@Service
public class EvidenceHolds {

    private static final String SELECT = "SELECT id, system_id, reason, reference, placed_at, placed_by, released_at, "
            + "released_by, release_reason FROM evidence_hold";

    private final JdbcClient jdbc;
    private final LogRegister register;
    private final LogEventStore store;
    private final Clock clock;
    private final List<HoldOwner> owners;

    EvidenceHolds(JdbcClient jdbc, LogRegister register, LogEventStore store, Clock clock, List<HoldOwner> owners) {
        this.jdbc = jdbc;
        this.register = register;
        this.store = store;
        this.clock = clock;
        this.owners = owners;
    }

    @Transactional
    public EvidenceHold place(String systemId, String reason, String reference, String actor) {
        InvalidFieldException.requireText("reason", reason, 2000);
        if (reference != null) {
            InvalidFieldException.requireText("reference", reference, 200);
        }
        // The chain head's lock orders holds and purges of a system: a purge never misses a new hold.
        store.lockHead(systemId).orElseThrow(() -> new NotFoundException("AI system", systemId));
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO evidence_hold (system_id, reason, reference, placed_at, placed_by) VALUES (?, ?, ?, ?, ?)")
                .params(systemId, reason, reference, JdbcTime.utc(now), actor)
                .update(keys, "id");
        EvidenceHold hold = get(systemId, keys.getKeyAs(Long.class));
        register.record(systemId, LogEventType.EVIDENCE_HOLD_PLACED, actor, payload(hold));
        return hold;
    }

    /** A release through the API: refused (409) for a hold a capability releases by its own rule ({@link HoldOwner}). */
    @Transactional
    public EvidenceHold releaseByHand(String systemId, long holdId, String reason, String actor) {
        store.head(systemId).orElseThrow(() -> new NotFoundException("AI system", systemId));
        EvidenceHold hold = get(systemId, holdId);
        for (HoldOwner owner : owners) {
            owner.releasedOnlyBy(hold).ifPresent(why -> {
                throw new ConflictException(why);
            });
        }
        return release(systemId, holdId, reason, actor);
    }

    @Transactional
    public EvidenceHold release(String systemId, long holdId, String reason, String actor) {
        InvalidFieldException.requireText("reason", reason, 2000);
        store.lockHead(systemId).orElseThrow(() -> new NotFoundException("AI system", systemId));
        EvidenceHold hold = get(systemId, holdId);
        if (!hold.active()) {
            throw new ConflictException("evidence hold " + holdId + " was already released at " + hold.releasedAt());
        }
        jdbc.sql("UPDATE evidence_hold SET released_at = ?, released_by = ?, release_reason = ? WHERE id = ?")
                .params(JdbcTime.utc(clock.instant()), actor, reason, holdId).update();
        EvidenceHold released = get(systemId, holdId);
        register.record(systemId, LogEventType.EVIDENCE_HOLD_RELEASED, actor, payload(released));
        return released;
    }

    @Transactional(readOnly = true)
    public List<EvidenceHold> list(String systemId) {
        store.head(systemId).orElseThrow(() -> new NotFoundException("AI system", systemId));
        return jdbc.sql(SELECT + " WHERE system_id = ? ORDER BY id").param(systemId).query(EvidenceHolds::hold).list();
    }

    /** Every hold, active and released, of each of these systems, in one query; a system without any maps to an empty list. */
    @Transactional(readOnly = true)
    public Map<String, List<EvidenceHold>> listFor(Collection<String> systemIds) {
        Map<String, List<EvidenceHold>> bySystem = new HashMap<>();
        systemIds.forEach(id -> bySystem.put(id, new ArrayList<>()));
        if (!systemIds.isEmpty()) {
            jdbc.sql(SELECT + " WHERE system_id IN (:ids) ORDER BY id").param("ids", systemIds).query(EvidenceHolds::hold)
                    .list().forEach(hold -> bySystem.get(hold.systemId()).add(hold));
        }
        return bySystem;
    }

    @Transactional(readOnly = true)
    public List<EvidenceHold> active(String systemId) {
        return jdbc.sql(SELECT + " WHERE system_id = ? AND released_at IS NULL ORDER BY id").param(systemId)
                .query(EvidenceHolds::hold).list();
    }

    /** Active holds of all systems, oldest first: for a change that affects several systems at once. */
    @Transactional(readOnly = true)
    public List<EvidenceHold> allActive() {
        return jdbc.sql(SELECT + " WHERE released_at IS NULL ORDER BY id").query(EvidenceHolds::hold).list();
    }

    /**
     * Locks the system's chain head until the caller's transaction ends and returns its active holds.
     * Holds are placed under the same lock, so a change the caller makes in this transaction after
     * finding no hold cannot race a hold being placed. Unknown system: 404.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<EvidenceHold> lockActive(String systemId) {
        store.lockHead(systemId).orElseThrow(() -> new NotFoundException("AI system", systemId));
        return active(systemId);
    }

    /** Active holds of all systems, for the {@code aiact.evidence.holds.active} gauge. */
    @Transactional(readOnly = true)
    public long countActive() {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_hold WHERE released_at IS NULL").query(Long.class).single();
    }

    private EvidenceHold get(String systemId, long holdId) {
        return jdbc.sql(SELECT + " WHERE system_id = ? AND id = ?").params(systemId, holdId).query(EvidenceHolds::hold)
                .optional().orElseThrow(() -> new NotFoundException("Evidence hold", String.valueOf(holdId)));
    }

    private static Map<String, Object> payload(EvidenceHold hold) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("holdId", hold.id());
        payload.put("reason", hold.reason());
        payload.put("reference", hold.reference());
        if (!hold.active()) {
            payload.put("releaseReason", hold.releaseReason());
        }
        return payload;
    }

    private static EvidenceHold hold(ResultSet rs, int n) throws SQLException {
        return new EvidenceHold(rs.getLong("id"), rs.getString("system_id"), rs.getString("reason"),
                rs.getString("reference"), JdbcTime.instant(rs, "placed_at"), rs.getString("placed_by"),
                JdbcTime.instant(rs, "released_at"), rs.getString("released_by"), rs.getString("release_reason"));
    }
}
