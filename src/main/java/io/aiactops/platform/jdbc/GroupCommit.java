package io.aiactops.platform.jdbc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import io.aiactops.platform.web.DatabaseFailures;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: concurrent requests for one key (one system's chain) share one transaction, instead of
 * queueing on the chain's lock for one commit each. The first request that finds no transaction under
 * way for its key runs one for every request then waiting (up to {@code maxWeight}), and hands the turn
 * to the next waiting request when it is done; no request is answered before the commit of the
 * transaction that holds it.
 * <p>
 * Each request stays all or nothing: when a shared transaction fails, each of its requests is run again
 * alone, so that one request's failure is its own. A caller already in a transaction is run in it at
 * once, never in another thread's transaction.
 *
 * @param <I> a request
 * @param <O> its outcome
 */
public final class GroupCommit<I, O> {

    /** Where a group of event appends stops growing: a bigger transaction saves no commits worth having. */
    public static final int EVENTS_PER_GROUP = 1_000;

    private final Function<List<I>, List<O>> work;
    private final Function<List<I>, List<O>> committed;
    private final ToIntFunction<I> weight;
    private final int maxWeight;
    private final Map<String, Lane<I, O>> lanes = new ConcurrentHashMap<>();

    /**
     * @param work runs a group's requests in the current transaction, an outcome per request in order
     * @param weight a request's size (e.g. its number of events); a group takes requests while their sum
     *        stays within {@code maxWeight}, and always at least one
     */
    public GroupCommit(TransactionTemplate transactions, Function<List<I>, List<O>> work, ToIntFunction<I> weight,
            int maxWeight) {
        this(work, group -> transactions.execute(status -> work.apply(group)), weight, maxWeight);
    }

    /**
     * @param work runs a request in the caller's transaction (a caller already in one)
     * @param committed runs a group's requests and commits them before it returns, an outcome per request
     *        in order (a transaction of its own, or statements in autocommit)
     */
    public GroupCommit(Function<List<I>, List<O>> work, Function<List<I>, List<O>> committed, ToIntFunction<I> weight,
            int maxWeight) {
        this.work = work;
        this.committed = committed;
        this.weight = weight;
        this.maxWeight = maxWeight;
    }

    /** Runs the request, grouped with others of the same key, and answers after its commit. */
    public O submit(String key, I request) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.apply(List.of(request)).get(0);
        }
        Pending<I, O> pending = new Pending<>(request);
        Lane<I, O> lane;
        boolean leads;
        do {
            lane = lanes.computeIfAbsent(key, k -> new Lane<>());
            synchronized (lane) {
                if (lane.retired) {
                    continue; // its last group ended and took it out of the map: take the new one
                }
                lane.waiting.add(pending);
                leads = !lane.busy;
                lane.busy = true;
                break;
            }
        } while (true);
        if (!leads) {
            // Until answered, or given the turn; a failed outcome is thrown below, not here.
            CompletableFuture.anyOf(pending.outcome.exceptionally(failure -> null), pending.turn).join();
        }
        if (!pending.outcome.isDone()) {
            lead(key, lane);
        }
        try {
            return pending.outcome.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** Requests of the key waiting for a transaction (not counting those of the one under way). */
    int waiting(String key) {
        Lane<I, O> lane = lanes.get(key);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            return lane.waiting.size();
        }
    }

    /** Keys with a transaction under way or requests waiting. */
    int keys() {
        return lanes.size();
    }

    /**
     * Runs one group, the leader's own request first in it, then hands the turn on; a lane nobody waits
     * on leaves the map, so that keys (which callers may take from requests unchecked) do not pile up.
     */
    private void lead(String key, Lane<I, O> lane) {
        List<Pending<I, O>> group = new ArrayList<>();
        RuntimeException unavailable = null;
        try {
            synchronized (lane) {
                int taken = 0;
                while (!lane.waiting.isEmpty()
                        && (group.isEmpty() || taken + weight.applyAsInt(lane.waiting.peek().request) <= maxWeight)) {
                    Pending<I, O> next = lane.waiting.poll();
                    taken += weight.applyAsInt(next.request);
                    group.add(next);
                }
            }
            unavailable = run(group);
        } finally {
            Pending<I, O> next;
            List<Pending<I, O>> refused = new ArrayList<>();
            synchronized (lane) {
                if (unavailable != null) {
                    // They would wait for a connection in turn, one timeout each: they fail at once instead.
                    refused.addAll(lane.waiting);
                    lane.waiting.clear();
                }
                next = lane.waiting.peek();
                lane.busy = next != null;
                if (next == null) {
                    lane.retired = true;
                    lanes.remove(key, lane);
                }
            }
            if (next != null) {
                next.turn.complete(null);
            }
            for (Pending<I, O> pending : refused) {
                pending.outcome.completeExceptionally(unavailable);
            }
        }
    }

    /**
     * Runs the group and commits it, or each of its requests alone if that fails; returns the failure
     * when the database is unavailable (no connection, the session terminated), which no request caused:
     * nobody tries again alone, as each would wait for a connection in turn.
     */
    private RuntimeException run(List<Pending<I, O>> group) {
        try {
            List<O> outcomes = committed.apply(group.stream().map(p -> p.request).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome.complete(outcomes.get(i));
            }
            return null;
        } catch (RuntimeException | Error shared) {
            if (shared instanceof RuntimeException failure && DatabaseFailures.isDatabaseUnavailable(failure)) {
                group.forEach(p -> p.outcome.completeExceptionally(failure));
                return failure;
            }
            if (group.size() == 1) {
                group.get(0).outcome.completeExceptionally(shared);
                return null;
            }
            for (Pending<I, O> pending : group) {
                try {
                    pending.outcome.complete(committed.apply(List.of(pending.request)).get(0));
                } catch (RuntimeException | Error alone) {
                    pending.outcome.completeExceptionally(alone);
                }
            }
            return null;
        } finally {
            // Whatever happened, no request may wait for ever.
            group.forEach(p -> p.outcome.completeExceptionally(new IllegalStateException("group commit ended early")));
        }
    }

    private static final class Lane<I, O> {
        private final Queue<Pending<I, O>> waiting = new ArrayDeque<>();
        private boolean busy;
        /** Out of the map: a request that still finds it takes a new one. */
        private boolean retired;
    }

    private static final class Pending<I, O> {
        private final I request;
        private final CompletableFuture<O> outcome = new CompletableFuture<>();
        /** Completed when this request is to lead the next group. */
        private final CompletableFuture<Void> turn = new CompletableFuture<>();

        Pending(I request) {
            this.request = request;
        }
    }
}
