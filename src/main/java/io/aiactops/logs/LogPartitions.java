package io.aiactops.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the monthly partitions of log_event ready ahead of need (PostgreSQL; on H2 log_event is one
 * plain table and this does nothing): at start-up, which fails with a clear message if it cannot; by a
 * daily job ({@code aiact.logs.partition-cron}); and from the append path, should appends come within
 * a day of the last partition because the job has not run. Several nodes may do it at once: the
 * database function takes an advisory lock, and the second finds the partitions made.
 */
@Component
class LogPartitions implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LogPartitions.class);
    /** The append path makes partitions when it comes this close to the end of the last one. */
    private static final Duration MARGIN = Duration.ofDays(1);
    /** After a failed attempt, the append path tries again at most this often. */
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final LogEventStore store;
    private final LogsProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    /** Appends recorded in [coveredFrom, coveredUntil) have a partition; everything on H2. */
    private volatile Instant coveredFrom = Instant.MAX;
    private volatile Instant coveredUntil = Instant.MIN;
    private volatile Instant lastFailure = Instant.MIN;

    LogPartitions(LogEventStore store, LogsProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** At start-up: without the partitions of this month and the next ones, the register could not take appends. */
    @Override
    public void afterSingletonsInstantiated() {
        Instant now = clock.instant();
        try {
            int created = ensure(now);
            if (created > 0) {
                log.info("Log register: created {} monthly partition(s) of log_event; appends are covered until {}",
                        created, coveredUntil);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("The log register cannot start: the monthly partitions of log_event from "
                    + now + " on (aiact.logs.partitions-ahead=" + properties.partitionsAhead() + ") could not be "
                    + "created: " + rootMessage(e) + ". The database role needs EXECUTE on log_event_ensure_partitions, "
                    + "whose owner must own log_event (docs/operations.md, \"Log register partitions\").", e);
        }
    }

    /** Daily; several nodes may run it. */
    @Scheduled(cron = "${aiact.logs.partition-cron:0 15 1 * * *}")
    public void daily() {
        try {
            int created = ensure(clock.instant());
            if (created > 0) {
                log.info("Log register: created {} monthly partition(s) of log_event; appends are covered until {}",
                        created, coveredUntil);
            }
        } catch (RuntimeException e) {
            log.error("Log register: could not create the partitions of log_event ahead of need (covered until {})",
                    coveredUntil, e);
        }
    }

    /** Called by every append before it takes the chain's lock: a volatile read unless the end is near. */
    void ensureCovered(Instant now) {
        if (!now.isBefore(coveredFrom) && now.plus(MARGIN).isBefore(coveredUntil)
                || now.isBefore(lastFailure.plus(RETRY)) && now.isAfter(lastFailure)) {
            return;
        }
        try {
            ensure(now);
        } catch (RuntimeException e) {
            // The append goes on: it fails only if its own month really has no partition.
            lastFailure = now;
            log.error("Log register: could not create the partitions of log_event ahead of need (covered until {})",
                    coveredUntil, e);
        }
    }

    /** Creates what is missing from the month of {@code now} on, in a transaction of its own; how many it created. */
    synchronized int ensure(Instant now) {
        Integer created = ownTransaction.execute(tx -> {
            int made = store.ensurePartitions(now, properties.partitionsAhead());
            if (store.isPostgres() && !covered(store.partitions(), now)[1].isAfter(now.plus(MARGIN))) {
                made += store.ensurePartitions(now.plus(MARGIN), 0);
            }
            return made;
        });
        Instant[] covered = store.isPostgres() ? covered(store.partitions(), now) : new Instant[] { Instant.MIN, Instant.MAX };
        coveredFrom = covered[0];
        coveredUntil = covered[1];
        return created == null ? 0 : created;
    }

    /** The start and end of the partitions that cover {@code now} without a gap; [now, now) when none does. */
    static Instant[] covered(List<LogEventStore.Partition> partitions, Instant now) {
        Instant from = now;
        Instant until = now;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (LogEventStore.Partition p : partitions) {
                if (!p.from().isAfter(until) && p.to().isAfter(until)) {
                    if (from.equals(until) && until.equals(now)) {
                        from = p.from(); // the partition of now itself
                    }
                    until = p.to();
                    moved = true;
                } else if (until.isAfter(now) && p.from().isBefore(from) && !p.to().isBefore(from)) {
                    from = p.from();
                    moved = true;
                }
            }
        }
        return new Instant[] { from, until };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
