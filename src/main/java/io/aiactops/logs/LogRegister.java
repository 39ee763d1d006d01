package io.aiactops.logs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.jdbc.GroupCommit;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way into the log register. Clients append through the ingest API; every capability
 * records its events with {@link #record}, in its own transaction, so that a decision and its log
 * entry commit together or not at all.
 */
@Service
public class LogRegister {

    /** From this many events on, one thread reads and another hashes. */
    private static final long PIPELINED = 20_000;

    private final LogEventStore store;
    private final Registry registry;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final LogMetrics metrics;
    private final LogPartitions partitions;
    private final LogsProperties properties;
    private final GroupCommit<Append, AppendResult> requests;
    private final TransactionTemplate transactions;
    /** Where this node last committed each system's chain: the head its next group expects to find. */
    private final Map<String, KnownHead> committedHeads = new ConcurrentHashMap<>();

    LogRegister(LogEventStore store, Registry registry, ObjectMapper objectMapper, Clock clock, LogMetrics metrics,
            LogPartitions partitions, LogsProperties properties, PlatformTransactionManager transactions) {
        this.store = store;
        this.registry = registry;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.metrics = metrics;
        this.partitions = partitions;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.requests = new GroupCommit<>(appends -> append(appends.get(0).systemId(), appends, true).results(),
                this::appendCommitted, append -> append.events().size(), GroupCommit.EVENTS_PER_GROUP);
    }

    /**
     * Records one event of a capability (a decision, a stop, a report sent) in the caller's
     * transaction; {@code payload} is any object Jackson can write as a JSON object.
     */
    @Transactional
    public RecordedEvent record(String systemId, LogEventType type, String actor, Object payload) {
        return record(systemId, type, actor, null, payload);
    }

    @Transactional
    public RecordedEvent record(String systemId, LogEventType type, String actor, String modelVersion, Object payload) {
        AppendResult result = append(systemId, actor,
                List.of(new NewLogEvent(type, null, modelVersion, null, canonical(payload))));
        return new RecordedEvent(systemId, result.lastSeq(), result.headHash());
    }

    /** An event a capability records with the sender's time and idempotency key, e.g. a monitoring signal. */
    public record Entry(LogEventType type, Instant occurredAt, String modelVersion, String clientEventId,
            Object payload) {
    }

    /**
     * Records a capability's events as the ingest API does: all or nothing, a repeated client event id
     * is reported as a duplicate and not stored again, unknown system 404, withdrawn system 409.
     */
    @Transactional
    public AppendResult recordAll(String systemId, String actor, List<Entry> entries) {
        return recordEach(systemId, List.of(new Batch(actor, entries))).get(0);
    }

    /** A sender's entries, appended all or nothing with the batches beside them. */
    public record Batch(String actor, List<Entry> entries) {
    }

    /**
     * Records the batches of several senders as {@link #recordAll} does, in one append (the requests of a
     * group share one); each batch is answered on its own, its duplicates indexed within it, a client event
     * id of an earlier batch included.
     */
    @Transactional
    public List<AppendResult> recordEach(String systemId, List<Batch> batches) {
        return append(systemId, batches.stream().map(batch -> prepare(systemId, batch.actor(),
                batch.entries().stream().map(e -> new NewLogEvent(e.type(), e.occurredAt(), e.modelVersion(),
                        e.clientEventId(), canonical(e.payload()))).toList())).toList(), true).results();
    }

    private String canonical(Object payload) {
        JsonNode tree = objectMapper.valueToTree(payload == null ? Map.of() : payload);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("a register payload must be a JSON object, not " + tree.getNodeType());
        }
        return CanonicalJson.write(tree);
    }

    /**
     * The ingest API: all or nothing; an unknown system is refused (404), and a withdrawn one takes no
     * more events (409), checked under the chain's lock. Concurrent requests for one system share a
     * transaction (group commit); each is answered after the commit that holds it.
     */
    public AppendResult ingest(String systemId, String actor, List<NewLogEvent> events) {
        // Hashed and encoded in the caller's own thread: only the chaining waits for the group.
        return requests.submit(systemId, prepare(systemId, actor, events));
    }

    /** Refuses an unknown system (404) and a withdrawn one, which takes no more events (409). */
    private void requireTakingEvents(String systemId) {
        requireTakingEvents(systemId, registry.status(systemId).map(SystemStatus::name).orElse(null));
    }

    /** Starts the chain of a newly registered system, in the registering transaction. */
    @Transactional
    void openChain(String systemId) {
        store.createHead(systemId);
    }

    /**
     * A page of the read API. A window ({@code from}/{@code to}) is at most aiact.logs.max-read-window
     * wide, measured to now when {@code to} is left out: each page of it costs a look at every event
     * in it. Longer periods are exported.
     */
    @Transactional(readOnly = true)
    LogPage find(String systemId, LogQuery query) {
        requireChain(systemId);
        if (query.from() != null || query.to() != null) {
            Duration max = properties.maxReadWindow();
            String export = "; export a longer period with GET /api/systems/" + systemId + "/logs/export?from=&to=";
            if (query.from() == null) {
                throw new InvalidFieldException("from", "required with to: a read covers at most " + max + export);
            }
            Instant end = query.to() != null ? query.to() : clock.instant();
            if (Duration.between(query.from(), end).compareTo(max) > 0) {
                throw new InvalidFieldException(query.to() != null ? "to" : "from", "the window from " + query.from()
                        + " to " + (query.to() != null ? query.to() : "now") + " is longer than the " + max
                        + " a read covers (aiact.logs.max-read-window)" + export);
            }
        }
        List<LogEvent> events = store.find(systemId, query);
        Long next = events.size() == query.limit() ? events.get(events.size() - 1).seq() : null;
        return new LogPage(events, next);
    }

    /**
     * Every event of the given types that occurred in [from, to), in chain order: for reports other
     * capabilities compile from the register (effectiveness of a corrective action, post-market review).
     * Whole periods, in one query through a cursor: the interactive read's window limit does not apply.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<LogEvent> events(String systemId, Set<LogEventType> types, Instant from, Instant to) {
        requireChain(systemId);
        List<String> wireNames = types.stream().map(LogEventType::wireName).toList();
        List<LogEvent> all = new ArrayList<>();
        store.forEach(systemId, 0, from, to, wireNames, all::add);
        return all;
    }

    /**
     * Up to {@code limit} events of a chain after {@code afterSeq}, in chain order, each with its type
     * and the values at the given JSON pointers of its payload only: for the readers that follow every
     * append (the built-in monitors), which need a few fields, not whole payloads. A range of the
     * primary key, outside any append: a sequence number is taken under the chain's lock, so no event
     * commits below one already visible.
     */
    @Transactional(readOnly = true)
    public List<EventFields> fieldsAfter(String systemId, long afterSeq, int limit, List<String> pointers) {
        return store.fields(systemId, afterSeq, limit, pointers);
    }

    /**
     * The sequence number after which every event that occurred at or after {@code from} lies: where
     * a reader that needs no older events starts, found through the occurred-at index.
     */
    @Transactional(readOnly = true)
    public long seqBeforeOccurred(String systemId, Instant from) {
        return store.seqBeforeOccurred(systemId, from);
    }

    /** Streams the whole chain in order; one snapshot, so concurrent appends do not tear it. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    void export(String systemId, Consumer<LogEvent> consumer) {
        export(systemId, null, null, consumer);
    }

    /**
     * Streams the events that occurred in [from, to) (either may be null: the whole chain), in chain
     * order, from one snapshot and through a cursor, so in constant memory whatever the window.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    void export(String systemId, Instant from, Instant to, Consumer<LogEvent> consumer) {
        ChainHead head = requireChainInPlace(systemId);
        store.forEach(systemId, head.anchorSeq(), from, to, List.of(), consumer);
    }

    /** Recomputes the whole chain, from the retention anchor to the head; one snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(String systemId) {
        ChainHead head = requireChainInPlace(systemId);
        return verify(head, store.checkpoints(systemId), ChainVerifier.Start.anchor(head, 0));
    }

    /**
     * Recomputes only the events after the newest checkpoint whose event still has the checkpoint's
     * hash; from the anchor when none does. A newer checkpoint that no longer matches is not trusted
     * as a start, and recomputing from the older one reaches it and reports the chain broken there.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verifySinceLatestCheckpoint(String systemId) {
        ChainHead head = requireChainInPlace(systemId);
        List<Checkpoint> checkpoints = store.checkpoints(systemId);
        int skipped = 0;
        for (int i = checkpoints.size() - 1; i >= 0 && checkpoints.get(i).seq() > head.anchorSeq(); i--) {
            Checkpoint checkpoint = checkpoints.get(i);
            if (checkpoint.seq() <= head.lastSeq()
                    && store.hashAt(systemId, checkpoint.seq()).filter(checkpoint.hash()::equals).isPresent()) {
                return verify(head, checkpoints, ChainVerifier.Start.checkpoint(checkpoint, skipped));
            }
            skipped++;
        }
        return verify(head, checkpoints, ChainVerifier.Start.anchor(head, skipped));
    }

    private Verification verify(ChainHead head, List<Checkpoint> checkpoints, ChainVerifier.Start start) {
        ChainVerifier verifier = new ChainVerifier(head, checkpoints, start);
        if (head.lastSeq() - start.seq() < PIPELINED) {
            store.forEachStored(head.systemId(), start.seq(), verifier::accept);
            return verifier.result();
        }
        try (HashingPipeline hashing = new HashingPipeline("log-verify-" + head.systemId(), verifier::accept)) {
            store.forEachStored(head.systemId(), start.seq(), hashing);
            hashing.finish();
        }
        return verifier.result();
    }

    @Transactional(readOnly = true)
    List<Checkpoint> checkpoints(String systemId) {
        requireChain(systemId);
        return store.checkpoints(systemId);
    }

    /** Appends under the chain head's row lock: the only writer of log_event. */
    AppendResult append(String systemId, String actor, List<NewLogEvent> events) {
        return append(systemId, List.of(prepare(systemId, actor, events)), false).results().get(0);
    }

    /**
     * Appends each request's events in turn, in the caller's transaction; {@code ingested}: refused if the
     * system is withdrawn (a capability still records what it does). Where this node committed the chain's
     * head itself, by compare and set, whose statement then holds the head's row: one round trip less than
     * the lock and the insert. The head it leaves is known to this node once the transaction commits, so
     * that a rolled-back head is never expected (a compare and set would only miss it: the compare reads
     * the head in the statement's snapshot, where a head not yet committed is not found).
     */
    private Chained append(String systemId, List<Append> appends, boolean ingested) {
        TransactionHeads transaction = transactionHeads();
        KnownHead own = transaction == null ? null : transaction.heads.get(systemId);
        // After an append of its own, a transaction holds the head's row, and its statements see the head it
        // left: its next append there goes by compare and set, whatever the node knew before.
        Swapped swapped = trySwap(systemId, own != null ? own.swappableNow() : committedHeads.get(systemId), appends,
                ingested);
        Chained chained = swapped.chained() != null ? swapped.chained() : locked(systemId, appends, ingested);
        KnownHead leaves = swapped.leaves(chained);
        if (transaction == null) {
            committedHeads.merge(systemId, leaves, KnownHead::later);
        } else {
            transaction.heads.put(systemId, leaves);
        }
        return chained;
    }

    /**
     * The heads the current transaction left, one per system it appended to; published to the node once
     * it commits. A synchronization, so that a transaction suspended for another (REQUIRES_NEW) keeps its own.
     */
    private final class TransactionHeads implements TransactionSynchronization {
        private final Map<String, KnownHead> heads = new HashMap<>();

        private LogRegister register() {
            return LogRegister.this;
        }

        @Override
        public void afterCommit() {
            heads.forEach((systemId, head) -> committedHeads.merge(systemId, head, KnownHead::later));
        }
    }

    /** This register's heads of the current transaction, registered on first use; {@code null} outside one. */
    private TransactionHeads transactionHeads() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof TransactionHeads heads && heads.register() == this) {
                return heads;
            }
        }
        TransactionHeads heads = new TransactionHeads();
        TransactionSynchronizationManager.registerSynchronization(heads);
        return heads;
    }

    /** Appends under the chain head's lock, in the caller's transaction. */
    private Chained locked(String systemId, List<Append> appends, boolean ingested) {
        long started = System.nanoTime();
        Chained chained = chain(systemId, appends, ingested);
        metrics.appended(systemId, chained.rows().size(), System.nanoTime() - started);
        return chained;
    }

    /**
     * A head this node committed; {@code swapFrom}: the {@link System#nanoTime()} from which a group may
     * be appended after it by compare and set (another writer moved the chain under this node lately).
     */
    private record KnownHead(long seq, String hash, long swapFrom) {

        boolean swappable() {
            return System.nanoTime() - swapFrom >= 0;
        }

        KnownHead swappableNow() {
            return new KnownHead(seq, hash, System.nanoTime());
        }

        /** Of two heads this node committed, the later: a group and a transaction may commit in either order. */
        KnownHead later(KnownHead other) {
            return other.seq > seq ? other : this;
        }
    }

    /** How long a system's groups take the lock after another writer moved its chain under them. */
    private static final long CONTENDED_NANOS = 1_000_000_000L;

    /**
     * A group of ingest requests, committed. Where this node committed the chain's head itself and the
     * group fits one statement, the group goes in with one statement in autocommit that moves the head
     * only from where this node left it (compare and set): one round trip, and no lock held from one
     * round trip to the next. Otherwise, and when the head moved meanwhile (another node, a capability's
     * event), under the head's lock, which also tells this node where the head now stands.
     */
    private List<AppendResult> appendCommitted(List<Append> appends) {
        String systemId = appends.get(0).systemId();
        Swapped swapped = trySwap(systemId, committedHeads.remove(systemId), appends, true);
        Chained chained = swapped.chained() != null ? swapped.chained()
                : transactions.execute(status -> locked(systemId, appends, true));
        committedHeads.merge(systemId, swapped.leaves(chained), KnownHead::later);
        return chained.results();
    }

    /**
     * A compare and set where this node's known head allows one: {@code chained} is {@code null} when it
     * was not tried or missed; {@code swapFrom} is the back-off the head left after the group keeps.
     */
    private record Swapped(Chained chained, long swapFrom) {

        KnownHead leaves(Chained group) {
            return new KnownHead(group.lastSeq(), group.lastHash(), swapFrom);
        }
    }

    private Swapped trySwap(String systemId, KnownHead known, List<Append> appends, boolean ingested) {
        long swapFrom = known != null ? known.swapFrom() : System.nanoTime();
        if (known == null || !known.swappable()
                || !store.insertsInOneStatement(appends.stream().mapToInt(a -> a.events().size()).sum())) {
            return new Swapped(null, swapFrom);
        }
        Chained swapped = compareAndAppend(systemId, known, appends, ingested);
        return new Swapped(swapped, swapped != null ? swapFrom : System.nanoTime() + CONTENDED_NANOS);
    }

    /**
     * Appends the group after the head this node committed, if the head still stands there; {@code null}
     * if it does not. Client event ids the statement finds stored are left out and the rest chained
     * again, looking up only the others. In autocommit the group is committed when this returns.
     */
    private Chained compareAndAppend(String systemId, KnownHead known, List<Append> appends, boolean ingested) {
        long started = System.nanoTime();
        partitions.ensureCovered(clock.instant());
        Instant now = clock.instant();
        Instant idempotentSince = now.minus(properties.idempotencyWindow());
        ChainHead head = new ChainHead(systemId, known.seq(), known.hash(), 0, null);
        Map<String, Long> stored = new HashMap<>();
        while (true) {
            Chained chained = chain(systemId, head, appends, now, stored);
            if (chained.rows().isEmpty()) {
                return chained; // every id was found stored, in a committed state: nothing to write
            }
            List<String> clientIds = clientIds(chained.rows().stream().map(LogEventStore.Row::clientEventId));
            LogEventStore.Swap swap = store.compareAndInsert(chained.rows(), clientIds, idempotentSince, known.seq(),
                    known.hash(), ingested);
            if (swap.appended()) { // in autocommit, committed: answered as such, whatever else the statement read
                metrics.appended(systemId, chained.rows().size(), System.nanoTime() - started);
                return chained;
            }
            if (ingested) {
                requireTakingEvents(systemId, swap.systemStatus());
            }
            if (swap.stored().isEmpty()) {
                return null;
            }
            stored.putAll(swap.stored());
        }
    }

    /**
     * Refuses an unknown system (its status {@code null}: 404) and a withdrawn one (409), given the status
     * as the caller's statement read it.
     */
    public static void requireTakingEvents(String systemId, String status) {
        if (status == null) {
            throw new NotFoundException("AI system", systemId);
        }
        if (SystemStatus.WITHDRAWN.name().equals(status)) {
            throw new ConflictException("AI system '" + systemId + "' is WITHDRAWN and takes no more log events");
        }
    }

    private static List<String> clientIds(Stream<String> ids) {
        return ids.filter(Objects::nonNull).distinct().toList();
    }

    /**
     * Chains prepared events under the head's lock. Client event ids already stored are looked up first,
     * except where the insert can go in one statement with the look-up ({@link LogEventStore#insertsInOneStatement}):
     * then the events are chained as if none were, and chained again without those the statement found.
     */
    private Chained chain(String systemId, List<Append> appends, boolean ingested) {
        List<Prepared> prepared = appends.stream().flatMap(a -> a.events().stream()).toList();
        partitions.ensureCovered(clock.instant());
        ChainHead head = store.lockHead(systemId).orElseThrow(() -> new NotFoundException("AI system", systemId));
        Instant now = clock.instant();
        Instant idempotentSince = now.minus(properties.idempotencyWindow());
        // Under the head's lock, so no other append of this system can store the same id meanwhile.
        List<String> clientIds = clientIds(prepared.stream().map(p -> p.event().clientEventId()));
        boolean oneStatement = store.insertsInOneStatement(prepared.size());
        if (ingested && !oneStatement) {
            // Read after the lock, in a statement of its own: a withdrawal records its event under this
            // lock, and the locking statement would still read the status from before it committed.
            requireTakingEvents(systemId);
        }
        Chained chained = chain(systemId, head, appends, now,
                oneStatement ? Map.of() : store.storedClientEventIds(systemId, clientIds, idempotentSince));
        if (oneStatement) {
            LogEventStore.Swap swap = store.compareAndInsert(chained.rows(), clientIds, idempotentSince,
                    head.lastSeq(), head.lastHash(), ingested);
            if (swap.appended()) {
                return chained;
            }
            if (ingested) {
                requireTakingEvents(systemId, swap.systemStatus());
            }
            if (swap.stored().isEmpty()) {
                throw new IllegalStateException("the chain head of " + systemId + " moved under its lock");
            }
            chained = chain(systemId, head, appends, now, swap.stored());
        }
        if (!chained.rows().isEmpty()) {
            store.insert(chained.rows());
            store.advanceHead(systemId, chained.lastSeq(), chained.lastHash());
        }
        return chained;
    }

    /** Events in their places after the head, and each request's answer. */
    private record Chained(List<LogEventStore.Row> rows, List<AppendResult> results, long lastSeq, String lastHash) {
    }

    /** Places the events after the head, leaving out those whose client event id is {@code stored} or repeated. */
    private Chained chain(String systemId, ChainHead head, List<Append> appends, Instant now, Map<String, Long> stored) {
        Map<String, Long> known = new HashMap<>(stored);
        List<LogEventStore.Row> rows = new ArrayList<>();
        List<AppendResult> results = new ArrayList<>(appends.size());
        String recordedAt = ChainHash.timestamp(now);
        long seq = head.lastSeq();
        String prevHash = head.lastHash();
        for (Append append : appends) {
            List<AppendResult.Duplicate> duplicates = new ArrayList<>();
            long first = seq + 1;
            for (int i = 0; i < append.events().size(); i++) {
                Prepared event = append.events().get(i);
                String clientId = event.event().clientEventId();
                if (clientId != null && known.containsKey(clientId)) {
                    duplicates.add(new AppendResult.Duplicate(i, clientId, known.get(clientId)));
                    continue;
                }
                seq++;
                LogEventStore.Row row = event.row(systemId, seq, recordedAt, prevHash);
                rows.add(row);
                if (clientId != null) {
                    known.put(clientId, seq);
                }
                prevHash = row.hash();
            }
            results.add(seq < first ? new AppendResult(null, null, prevHash, 0, duplicates)
                    : new AppendResult(first, seq, prevHash, (int) (seq - first + 1), duplicates));
        }
        return new Chained(rows, results, seq, prevHash);
    }

    /** A request of the ingest API, all or nothing: its events hashed and encoded as far as they can be. */
    private record Append(String systemId, List<Prepared> events) {
    }

    /** An event hashed and encoded as far as it can be before its place in the chain is known. */
    private record Prepared(NewLogEvent event, String actor, String occurredAt, ChainHash.Partial partial,
            byte[] copyColumns) {

        LogEventStore.Row row(String systemId, long seq, String recordedAt, String prevHash) {
            String at = occurredAt != null ? occurredAt : recordedAt;
            ChainHash.Partial hashed = partial != null ? partial : new ChainHash.Partial(ChainHash.prefix(actor,
                    event.clientEventId(), event.modelVersion(), at, event.canonicalPayload()));
            String hash = hashed.finish(ChainHash.suffix(prevHash, recordedAt, seq, systemId, event.type().wireName()));
            return new LogEventStore.Row(systemId, seq, event.type().wireName(), at, recordedAt, event.modelVersion(),
                    actor, event.clientEventId(), event.canonicalPayload(), prevHash, hash, copyColumns);
        }
    }

    private Append prepare(String systemId, String actor, List<NewLogEvent> events) {
        return new Append(systemId, events.stream().map(event -> prepare(systemId, actor, event)).toList());
    }

    private Prepared prepare(String systemId, String actor, NewLogEvent event) {
        if (event.occurredAt() == null) { // hashed with the recorded time, known only under the lock
            return new Prepared(event, actor, null, null, null);
        }
        String occurredAt = ChainHash.timestamp(event.occurredAt());
        byte[] payload = event.canonicalPayload().getBytes(StandardCharsets.UTF_8);
        return new Prepared(event, actor, occurredAt,
                new ChainHash.Partial(ChainHash.head(actor, event.clientEventId(), event.modelVersion(), occurredAt), payload),
                store.copyColumns(systemId, event.type().wireName(), occurredAt, event.modelVersion(), actor,
                        event.clientEventId(), event.canonicalPayload(), payload));
    }

    /**
     * The chain's head, read after the transaction has locked the partitions in place: the snapshot
     * does not cover a partition drop (DDL), so without the lock a retention drop committed between
     * reading the head and reading the events would take events the head's anchor still counts.
     */
    ChainHead requireChainInPlace(String systemId) {
        store.holdPartitions();
        return requireChain(systemId);
    }

    private ChainHead requireChain(String systemId) {
        return store.head(systemId).orElseThrow(() -> new NotFoundException("AI system", systemId));
    }
}
