package io.aiactops.serving;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aiactops.logs.AppendResult;
import io.aiactops.logs.LogRegister;
import io.aiactops.platform.jdbc.GroupCommit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes CloudEvents for one system, all or nothing in one transaction: a KServe (or Seldon) request or
 * response is paired with its partner into one inference event, or kept pending until it arrives; any other
 * type is recorded as a custom event. Nothing is answered before the commit.
 */
@Service
class CloudEventIntake {


    /** What became of each event of a request, in request order. */
    enum Outcome {
        RECORDED, PENDING, PAIRED, LATE, DUPLICATE;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Result(int index, String id, String type, Outcome outcome, Long seq) {
    }

    private final LogRegister register;
    private final InferencePairs pairs;
    private final InferenceEvents events;
    private final ModelVersions versions;
    private final ServingProperties properties;
    private final Clock clock;
    private final GroupCommit<Request, List<Result>> requests;

    CloudEventIntake(LogRegister register, InferencePairs pairs, InferenceEvents events,
            ModelVersions versions, ServingProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.register = register;
        this.pairs = pairs;
        this.events = events;
        this.versions = versions;
        this.properties = properties;
        this.clock = clock;
        this.requests = new GroupCommit<>(new TransactionTemplate(transactions), this::acceptAll,
                request -> request.events().size(), GroupCommit.EVENTS_PER_GROUP);
    }

    /**
     * Takes one request's events, all or nothing. Concurrent requests for one system share a transaction
     * (group commit); each is answered after the commit that holds it.
     */
    public List<Result> accept(String systemId, String actor, List<CloudEvent> received) {
        return requests.submit(systemId, new Request(systemId, actor, received));
    }

    private record Request(String systemId, String actor, List<CloudEvent> events) {
    }

    /** What an event of a group comes to: its result now, or an entry for the chain, whose seq is its result's. */
    private record Step(Result result, int index, CloudEvent event, LogRegister.Entry entry, Outcome outcome) {

        static Step done(Result result) {
            return new Step(result, result.index(), null, null, null);
        }

        static Step chained(int index, CloudEvent event, LogRegister.Entry entry, Outcome outcome) {
            return new Step(null, index, event, entry, outcome);
        }
    }

    private List<List<Result>> acceptAll(List<Request> requests) {
        String systemId = requests.get(0).systemId();
        Instant now = clock.instant();
        // The first half of each id in the group, and its row if the id has none yet: that half kept
        // pending, written by the statement that locks the rows (a KServe request, most often, whose
        // response comes in a later group).
        Map<String, CloudEvent> firstHalves = new HashMap<>();
        List<InferencePairs.Pair> ifAbsent = new ArrayList<>();
        requests.stream().flatMap(r -> r.events().stream()).filter(CloudEvent::isInferenceHalf)
                .filter(half -> firstHalves.putIfAbsent(half.id(), half) == null)
                .forEach(half -> ifAbsent.add(InferencePairs.Pair.absent(systemId, half.id())
                        .withPending(half.isRequest(), events.store(half), now.plus(properties.pairingWait()))));
        // Every pair row of the group locked first, in one order, then the chain: two transactions holding
        // the same ids (another node, the lone-half sweeper) cannot deadlock. A group of other types only
        // is refused, if need be, by the chain's own check.
        InferencePairs.Locked locked = new InferencePairs.Locked(null, Map.of(), Set.of());
        if (!ifAbsent.isEmpty()) {
            ifAbsent.sort(Comparator.comparing(InferencePairs.Pair::ceId));
            locked = pairs.lock(systemId, ifAbsent, now);
            // Once per group, not per request: a half kept pending is written without the register's own check.
            LogRegister.requireTakingEvents(systemId, locked.systemStatus());
        }
        // Each row as the group leaves it: a later half of the same id sees what an earlier one did.
        Map<String, InferencePairs.Pair> rows = new HashMap<>(locked.pairs());
        ModelVersions.Lookup versions = this.versions.lookup(systemId);
        List<List<Step>> steps = new ArrayList<>(requests.size());
        for (Request request : requests) {
            List<Step> mine = new ArrayList<>(request.events().size());
            for (int i = 0; i < request.events().size(); i++) {
                CloudEvent event = request.events().get(i);
                if (!event.isInferenceHalf()) {
                    mine.add(Step.chained(i, event, events.custom(event), Outcome.RECORDED));
                } else if (firstHalves.get(event.id()) == event && locked.created().contains(event.id())) {
                    mine.add(Step.done(new Result(i, event.id(), event.type(), Outcome.PENDING, null)));
                } else {
                    mine.add(half(i, event, rows, now, versions));
                }
            }
            steps.add(mine);
        }
        Map<String, InferencePairs.Pair> before = locked.pairs();
        pairs.save(rows.values().stream().filter(row -> !row.equals(before.get(row.ceId()))).toList());
        return chain(systemId, requests, steps);
    }

    /** The group's chain-bound events appended at once, a batch per request, each step given its seq. */
    private List<List<Result>> chain(String systemId, List<Request> requests, List<List<Step>> steps) {
        List<LogRegister.Batch> batches = new ArrayList<>();
        List<List<Step>> batched = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            List<Step> bound = steps.get(r).stream().filter(step -> step.entry() != null).toList();
            // A request without an event for the chain has no batch: an empty one would still lock the chain's head.
            if (!bound.isEmpty()) {
                batches.add(new LogRegister.Batch(requests.get(r).actor(), bound.stream().map(Step::entry).toList()));
                batched.add(bound);
            }
        }
        Map<Step, Result> chained = new IdentityHashMap<>();
        List<AppendResult> appended = batches.isEmpty() ? List.of() : register.recordEach(systemId, batches);
        for (int b = 0; b < batched.size(); b++) {
            Map<Integer, Long> duplicates = new HashMap<>();
            appended.get(b).duplicates().forEach(d -> duplicates.put(d.index(), d.seq()));
            long next = appended.get(b).firstSeq() == null ? 0 : appended.get(b).firstSeq();
            List<Step> bound = batched.get(b);
            for (int i = 0; i < bound.size(); i++) {
                Step step = bound.get(i);
                Long duplicateOf = duplicates.get(i);
                chained.put(step, new Result(step.index(), step.event().id(), step.event().type(),
                        duplicateOf != null ? Outcome.DUPLICATE : step.outcome(), duplicateOf != null ? duplicateOf : next++));
            }
        }
        return steps.stream().map(mine -> mine.stream()
                .map(step -> step.result() != null ? step.result() : chained.get(step)).toList()).toList();
    }

    /** What becomes of a half, given its id's row as the group left it so far; the row is updated in {@code rows}. */
    private Step half(int index, CloudEvent event, Map<String, InferencePairs.Pair> rows, Instant now,
            ModelVersions.Lookup versions) {
        InferencePairs.Pair pair = rows.get(event.id());
        boolean request = event.isRequest();
        if (pair.state(request) != null) {
            return Step.done(new Result(index, event.id(), event.type(), Outcome.DUPLICATE, null));
        }
        InferencePairs.State partner = pair.state(!request);
        if (partner == null) {
            rows.put(event.id(), pair.withPending(request, events.store(event), now.plus(properties.pairingWait())));
            return Step.done(new Result(index, event.id(), event.type(), Outcome.PENDING, null));
        }
        if (partner == InferencePairs.State.PENDING) {
            CloudEvent other = events.restore(pair.half(!request));
            CloudEvent requestHalf = request ? event : other;
            rows.put(event.id(), pair.withPairRecorded(now));
            return Step.chained(index, event, events.inference(requestHalf, request ? other : event,
                    InferenceEvents.Pairing.PAIRED, version(versions, requestHalf), Map.of()), Outcome.PAIRED);
        }
        // The partner was recorded alone after the wait: this half is its own event, pointing at it.
        rows.put(event.id(), pair.withLateRecorded(request));
        return Step.chained(index, event, events.inference(request ? event : null, request ? null : event,
                InferenceEvents.Pairing.LATE, version(versions, event),
                Map.of("partnerEvent", Map.of("clientEventId", pair.aloneClientEventId(), "seq", pair.aloneSeq()))),
                Outcome.LATE);
    }

    /**
     * Records a half whose partner did not come within the wait, flagged as unpaired; called by
     * {@link LoneHalfSweeper} in its own transaction, once per id, checking again under the row lock.
     */
    @Transactional
    public boolean recordAlone(InferencePairs.Key key, String actor) {
        Instant now = clock.instant();
        InferencePairs.Locked locked = pairs.lock(key.systemId(),
                List.of(InferencePairs.Pair.absent(key.systemId(), key.ceId())), now);
        LogRegister.requireTakingEvents(key.systemId(), locked.systemStatus());
        InferencePairs.Pair pair = locked.pairs().get(key.ceId());
        if (pair.dueAt() == null || pair.dueAt().isAfter(now)) {
            return false;
        }
        boolean request = pair.requestState() == InferencePairs.State.PENDING;
        CloudEvent half = events.restore(pair.half(request));
        LogRegister.Entry entry = events.inference(request ? half : null, request ? null : half,
                InferenceEvents.Pairing.UNPAIRED, version(versions.lookup(key.systemId()), half),
                Map.of("waited", properties.pairingWait().toString()));
        AppendResult appended = register.recordAll(key.systemId(), actor, List.of(entry));
        long seq = appended.lastSeq() != null ? appended.lastSeq() : appended.duplicates().get(0).seq();
        pairs.save(List.of(pair.withAloneRecorded(request, entry.clientEventId(), seq, now)));
        return true;
    }

    private ModelVersions.Resolved version(ModelVersions.Lookup versions, CloudEvent half) {
        return versions.resolve(half.servedBy(), half.extension("component"),
                half.time() == null ? clock.instant() : half.time());
    }
}
