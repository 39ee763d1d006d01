package io.aiactops.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.AiSystemDetails;
import io.aiactops.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes events older than each system's retention (never less than 183 days), oldest first, in
 * batches; the hash of the last purged event becomes the chain's anchor, so the rest still
 * verifies. A system with an active evidence hold is never purged.
 */
@Service
public class RetentionPurge {

    /** What one purge of one system did. */
    public record Outcome(String systemId, long purged, long anchorSeq, List<EvidenceHold> holds) {
    }

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final LogEventStore store;
    private final LogRegister register;
    private final EvidenceHolds holds;
    private final Registry registry;
    private final TransactionTemplate transactions;
    private final LogsProperties properties;
    private final Clock clock;

    RetentionPurge(LogEventStore store, LogRegister register, EvidenceHolds holds, Registry registry,
            TransactionTemplate transactions, LogsProperties properties, Clock clock) {
        this.store = store;
        this.register = register;
        this.holds = holds;
        this.registry = registry;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Nightly by default ({@code aiact.logs.retention-cron}); several nodes may run it, the head lock orders them. */
    @Scheduled(cron = "${aiact.logs.retention-cron:0 30 2 * * *}")
    public void purgeAll() {
        purgeAll(clock.instant());
    }

    void purgeAll(Instant now) {
        for (AiSystem system : registry.list()) {
            Outcome outcome = purgeExpired(system.id(), system.logRetentionDays(), now, false);
            if (!outcome.holds().isEmpty()) {
                log.info("Log retention: {} skipped, {}", system.id(), outcome.holds().get(0).describe());
            } else if (outcome.purged() > 0) {
                log.info("Log retention: purged {} event(s) of {} through seq {}", outcome.purged(), system.id(),
                        outcome.anchorSeq());
            }
        }
    }

    /**
     * Purges one system now (e.g. an operator after changing its retention). Refused while the system
     * has an evidence hold.
     */
    public Outcome purge(String systemId) {
        return purge(systemId, clock.instant());
    }

    Outcome purge(String systemId, Instant now) {
        AiSystem system = registry.get(systemId);
        return purgeExpired(systemId, system.logRetentionDays(), now, true);
    }

    private Outcome purgeExpired(String systemId, int retentionDays, Instant now, boolean refuseWhenHeld) {
        int days = Math.max(retentionDays, AiSystemDetails.MINIMUM_LOG_RETENTION_DAYS);
        Instant cutoff = now.minus(Duration.ofDays(days));
        long total = 0;
        while (true) {
            Outcome batch = transactions.execute(tx -> purgeBatch(systemId, cutoff, days, refuseWhenHeld));
            total += batch.purged();
            if (!batch.holds().isEmpty() || batch.purged() < properties.purgeBatchSize()) {
                return new Outcome(systemId, total, batch.anchorSeq(), batch.holds());
            }
        }
    }

    private Outcome purgeBatch(String systemId, Instant cutoff, int retentionDays, boolean refuseWhenHeld) {
        ChainHead head = store.lockHead(systemId).orElseThrow(() -> new NotFoundException("AI system", systemId));
        List<EvidenceHold> active = holds.active(systemId);
        if (!active.isEmpty()) {
            if (refuseWhenHeld) {
                throw new ConflictException("The log register of '" + systemId + "' cannot be purged while it is under "
                        + active.get(0).describe());
            }
            return new Outcome(systemId, 0, head.anchorSeq(), active);
        }
        long through = head.anchorSeq();
        for (Map.Entry<Long, Instant> event : store.oldest(systemId, head.anchorSeq(), properties.purgeBatchSize())) {
            if (!event.getValue().isBefore(cutoff)) {
                break;
            }
            through = event.getKey();
        }
        if (through == head.anchorSeq()) {
            return new Outcome(systemId, 0, head.anchorSeq(), List.of());
        }
        String anchorHash = store.hashAt(systemId, through).orElseThrow();
        long purged = store.purge(systemId, through);
        store.moveAnchor(systemId, through, anchorHash);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("purgedFromSeq", head.anchorSeq() + 1);
        payload.put("purgedThroughSeq", through);
        payload.put("purgedEvents", purged);
        payload.put("anchorHash", anchorHash);
        payload.put("retentionDays", retentionDays);
        payload.put("recordedBefore", ChainHash.timestamp(cutoff));
        register.record(systemId, LogEventType.RETENTION_PURGED, "aiact-ops", payload);
        return new Outcome(systemId, purged, through, List.of());
    }
}
