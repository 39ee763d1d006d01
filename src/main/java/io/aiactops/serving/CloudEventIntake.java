package io.aiactops.serving;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aiactops.logs.AppendResult;
import io.aiactops.logs.LogRegister;
import io.aiactops.platform.jdbc.GroupCommit;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes CloudEvents for one system, all or nothing in one transaction: a KServe request or response
 * is paired with its partner into one inference event, or kept pending until it arrives; any other
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

    private final Registry registry;
    private final LogRegister register;
    private final InferencePairs pairs;
    private final InferenceEvents events;
    private final ModelVersions versions;
    private final ServingProperties properties;
    private final Clock clock;
    private final GroupCommit<Request, List<Result>> requests;

    CloudEventIntake(Registry registry, LogRegister register, InferencePairs pairs, InferenceEvents events,
            ModelVersions versions, ServingProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.registry = registry;
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

    private List<List<Result>> acceptAll(List<Request> requests) {
        String systemId = requests.get(0).systemId();
        SystemStatus status = registry.status(systemId).orElseThrow(() -> new NotFoundException("AI system", systemId));
        if (status == SystemStatus.WITHDRAWN) {
            throw new ConflictException("AI system '" + systemId + "' is WITHDRAWN and takes no more log events");
        }
        Instant now = clock.instant();
        // Every pair row of the group locked first, in one order, then the chain: two transactions holding
        // the same ids (another node, the lone-half sweeper) cannot deadlock.
        requests.stream().flatMap(r -> r.events().stream()).filter(CloudEvent::isKServeHalf).map(CloudEvent::id)
                .distinct().sorted().forEach(id -> pairs.lock(systemId, id, now));
        List<List<Result>> outcomes = new ArrayList<>(requests.size());
        for (Request request : requests) {
            List<Result> results = new ArrayList<>(request.events().size());
            for (int i = 0; i < request.events().size(); i++) {
                CloudEvent event = request.events().get(i);
                results.add(event.isKServeHalf() ? half(systemId, request.actor(), i, event, now)
                        : recorded(i, event, register.recordAll(systemId, request.actor(), List.of(events.custom(event))),
                                Outcome.RECORDED));
            }
            outcomes.add(results);
        }
        return outcomes;
    }

    private Result half(String systemId, String actor, int index, CloudEvent event, Instant now) {
        InferencePairs.Pair pair = pairs.lock(systemId, event.id(), now);
        InferencePairs.Key key = new InferencePairs.Key(systemId, event.id());
        boolean request = event.isRequest();
        if (pair.state(request) != null) {
            return new Result(index, event.id(), event.type(), Outcome.DUPLICATE, null);
        }
        InferencePairs.State partner = pair.state(!request);
        if (partner == null) {
            pairs.keepPending(key, request, events.store(event), now.plus(properties.pairingWait()));
            return new Result(index, event.id(), event.type(), Outcome.PENDING, null);
        }
        if (partner == InferencePairs.State.PENDING) {
            CloudEvent other = events.restore(pair.half(!request));
            CloudEvent requestHalf = request ? event : other;
            AppendResult appended = register.recordAll(systemId, actor, List.of(events.inference(requestHalf,
                    request ? other : event, InferenceEvents.Pairing.PAIRED, version(systemId, requestHalf), Map.of())));
            pairs.pairRecorded(key, now);
            return recorded(index, event, appended, Outcome.PAIRED);
        }
        // The partner was recorded alone after the wait: this half is its own event, pointing at it.
        AppendResult appended = register.recordAll(systemId, actor, List.of(events.inference(request ? event : null,
                request ? null : event, InferenceEvents.Pairing.LATE, version(systemId, event),
                Map.of("partnerEvent", Map.of("clientEventId", pair.aloneClientEventId(), "seq", pair.aloneSeq())))));
        pairs.lateRecorded(key, request);
        return recorded(index, event, appended, Outcome.LATE);
    }

    /**
     * Records a half whose partner did not come within the wait, flagged as unpaired; called by
     * {@link LoneHalfSweeper} in its own transaction, once per id, checking again under the row lock.
     */
    @Transactional
    public boolean recordAlone(InferencePairs.Key key, String actor) {
        Instant now = clock.instant();
        InferencePairs.Pair pair = pairs.lock(key.systemId(), key.ceId(), now);
        if (pair.dueAt() == null || pair.dueAt().isAfter(now)) {
            return false;
        }
        boolean request = pair.requestState() == InferencePairs.State.PENDING;
        CloudEvent half = events.restore(pair.half(request));
        LogRegister.Entry entry = events.inference(request ? half : null, request ? null : half,
                InferenceEvents.Pairing.UNPAIRED, version(key.systemId(), half),
                Map.of("waited", properties.pairingWait().toString()));
        AppendResult appended = register.recordAll(key.systemId(), actor, List.of(entry));
        long seq = appended.lastSeq() != null ? appended.lastSeq() : appended.duplicates().get(0).seq();
        pairs.aloneRecorded(key, request, entry.clientEventId(), seq, now);
        return true;
    }

    private ModelVersions.Resolved version(String systemId, CloudEvent half) {
        return versions.resolve(systemId, half.extension("inferenceservicename"), half.extension("component"),
                half.time() == null ? clock.instant() : half.time());
    }

    private static Result recorded(int index, CloudEvent event, AppendResult appended, Outcome outcome) {
        if (appended.appended() == 0) {
            return new Result(index, event.id(), event.type(), Outcome.DUPLICATE, appended.duplicates().get(0).seq());
        }
        return new Result(index, event.id(), event.type(), outcome, appended.lastSeq());
    }
}
