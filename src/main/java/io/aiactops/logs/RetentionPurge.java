package io.aiactops.logs;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.AiSystemDetails;
import io.aiactops.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes events older than each system's retention (never less than 183 days), oldest first; the
 * hash of the last purged event becomes the chain's anchor, so the rest still verifies. A system
 * with an active evidence hold is never purged.
 * <p>
 * First by partition (PostgreSQL): a monthly partition all of whose events are past their systems'
 * retention, that holds no event of a system under a hold, and that holds for each of its systems the
 * oldest stretch of the chain still stored, is detached and dropped in one transaction with the
 * anchors and the {@code retention_purged} events. Then row by row, in batches, for what is left:
 * systems whose retention ends inside a partition that other systems still need (docs/log-register.md).
 */
@Service
public class RetentionPurge {

    /** What one purge of one system did. */
    public record Outcome(String systemId, long purged, long anchorSeq, List<EvidenceHold> holds) {
    }

    /** What one drop of a partition did, or why it did not. */
    record PartitionOutcome(String partition, boolean dropped, long purged, Set<String> systems, String reason,
            boolean retry) {
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
        Set<String> deferred = new HashSet<>();
        for (PartitionOutcome outcome : dropExpiredPartitions(now)) {
            if (outcome.dropped()) {
                log.info("Log retention: dropped partition {} ({} event(s) of {})", outcome.partition(), outcome.purged(),
                        outcome.systems());
            } else if (outcome.retry()) {
                // Its systems' rows wait for the next run's drop instead of a row-by-row delete now.
                deferred.addAll(outcome.systems());
                log.warn("Log retention: partition {} not dropped, tried again at the next run: {}", outcome.partition(),
                        outcome.reason());
            } else {
                log.info("Log retention: partition {} kept whole: {}", outcome.partition(), outcome.reason());
            }
        }
        for (AiSystem system : registry.list()) {
            if (deferred.contains(system.id())) {
                continue;
            }
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
     * Drops, oldest first, the partitions that ended at least 183 days (the legal minimum) before
     * {@code now} and whose every event may go; returns what happened to each partition it looked at.
     * Never one that ended less than 183 days before the clock's now, whatever {@code now} is given.
     */
    List<PartitionOutcome> dropExpiredPartitions(Instant now) {
        Instant earlier = now.isBefore(clock.instant()) ? now : clock.instant();
        Instant legalCutoff = earlier.minus(Duration.ofDays(AiSystemDetails.MINIMUM_LOG_RETENTION_DAYS));
        List<PartitionOutcome> outcomes = new ArrayList<>();
        for (LogEventStore.Partition partition : store.partitions()) {
            if (partition.to().isAfter(legalCutoff)) {
                break;
            }
            List<AiSystem> systems = registry.list().stream().sorted(Comparator.comparing(AiSystem::id)).toList();
            try {
                outcomes.add(transactions.execute(tx -> {
                    PartitionOutcome outcome = dropPartition(partition, systems, now);
                    if (!outcome.dropped()) {
                        tx.setRollbackOnly();
                    }
                    return outcome;
                }));
            } catch (DataAccessException e) {
                // Nothing was changed. A lock timeout (appends or long reads kept the table busy) is
                // tried again at the next run; anything else leaves the partition to the row purge.
                boolean lockTimeout = e.getMostSpecificCause() instanceof SQLException sql
                        && "55P03".equals(sql.getSQLState());
                if (!lockTimeout) {
                    log.error("Log retention: dropping partition {} failed", partition.name(), e);
                }
                outcomes.add(new PartitionOutcome(partition.name(), false, 0,
                        lockTimeout ? systemsIn(partition, systems) : Set.of(), e.getMostSpecificCause().getMessage(),
                        lockTimeout));
            }
        }
        return outcomes;
    }

    private Set<String> systemsIn(LogEventStore.Partition partition, List<AiSystem> systems) {
        Set<String> in = new TreeSet<>();
        for (AiSystem system : systems) {
            store.seqRange(system.id(), partition.from(), partition.to()).ifPresent(range -> in.add(system.id()));
        }
        return in;
    }

    /** In one transaction: check, lock the chains, move their anchors, record it, drop. */
    private PartitionOutcome dropPartition(LogEventStore.Partition partition, List<AiSystem> systems, Instant now) {
        record Cut(String systemId, long anchorSeq, long throughSeq, int retentionDays) {
        }
        List<Cut> cuts = new ArrayList<>();
        Set<String> in = new TreeSet<>();
        for (AiSystem system : systems) {
            if (store.seqRange(system.id(), partition.from(), partition.to()).isEmpty()) {
                continue;
            }
            in.add(system.id());
            int days = Math.max(system.logRetentionDays(), AiSystemDetails.MINIMUM_LOG_RETENTION_DAYS);
            if (partition.to().isAfter(now.minus(Duration.ofDays(days)))) {
                return kept(partition, in, system.id() + " keeps its events " + days + " days");
            }
            // In system id order, so that two purges never wait on each other; appends lock one head.
            ChainHead head = store.lockHead(system.id()).orElseThrow();
            List<EvidenceHold> active = holds.active(system.id());
            if (!active.isEmpty()) {
                return kept(partition, in, system.id() + " is under " + active.get(0).describe());
            }
            long[] range = store.seqRange(system.id(), partition.from(), partition.to()).orElse(null);
            if (range == null || range[1] <= head.anchorSeq()) {
                continue; // already behind the anchor (a row purge got there first)
            }
            if (store.hasEventsOutside(system.id(), head.anchorSeq(), range[1], partition.from(), partition.to())) {
                return kept(partition, in, "events " + (head.anchorSeq() + 1) + " to " + range[1] + " of " + system.id()
                        + " are not all in it");
            }
            cuts.add(new Cut(system.id(), head.anchorSeq(), range[1], days));
        }
        long purged = 0;
        for (Cut cut : cuts) {
            String anchorHash = store.hashAt(cut.systemId(), cut.throughSeq()).orElseThrow();
            store.moveAnchor(cut.systemId(), cut.throughSeq(), anchorHash);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("purgedFromSeq", cut.anchorSeq() + 1);
            payload.put("purgedThroughSeq", cut.throughSeq());
            payload.put("purgedEvents", cut.throughSeq() - cut.anchorSeq());
            payload.put("anchorHash", anchorHash);
            payload.put("retentionDays", cut.retentionDays());
            payload.put("recordedBefore", ChainHash.timestamp(partition.to()));
            payload.put("partition", partition.name());
            register.record(cut.systemId(), LogEventType.RETENTION_PURGED, "aiact-ops", payload);
            purged += cut.throughSeq() - cut.anchorSeq();
        }
        store.dropPartition(partition.name(), properties.partitionDropLockTimeout());
        return new PartitionOutcome(partition.name(), true, purged, in, null, false);
    }

    private static PartitionOutcome kept(LogEventStore.Partition partition, Set<String> systems, String reason) {
        return new PartitionOutcome(partition.name(), false, 0, systems, reason, false);
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
