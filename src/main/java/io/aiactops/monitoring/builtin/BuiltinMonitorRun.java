package io.aiactops.monitoring.builtin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.aiactops.logs.EventFields;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.monitoring.NewSignal;
import io.aiactops.monitoring.SignalIntake;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the built-in monitors on every node, every poll interval (docs/monitors.md, "How a run
 * works"). For each system, in one transaction that locks its monitors' rows: aggregate the register
 * events after the last one read into the buckets, then, once caught up with the chain, emit each
 * closed window through the signal intake. A node that finds the rows locked skips the system. A
 * window's signal and the monitor's new position commit together; should a position still fall
 * behind (a database restored from a backup), the deterministic signal id makes the window's second
 * signal a duplicate that the intake reports and does not store or review again.
 */
@Component
class BuiltinMonitorRun {

    static final String ACTOR = "builtin-monitors";
    static final String SOURCE = NewSignal.BUILTIN_SOURCE;

    private static final Logger log = LoggerFactory.getLogger(BuiltinMonitorRun.class);

    private final MonitorStates states;
    private final LogRegister register;
    private final Registry registry;
    private final SignalIntake intake;
    private final BuiltinMonitorMetrics metrics;
    private final BuiltinMonitorProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BuiltinMonitorRun(MonitorStates states, LogRegister register, Registry registry, SignalIntake intake,
            BuiltinMonitorMetrics metrics, BuiltinMonitorProperties properties, TransactionTemplate transactions,
            Clock clock) {
        this.states = states;
        this.register = register;
        this.registry = registry;
        this.intake = intake;
        this.metrics = metrics;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A failed system is logged and counted, and its transaction rolled back: nothing of it is kept,
     * so the next poll runs it again from the same place. The other systems still run.
     */
    @Scheduled(fixedDelayString = "${aiact.monitoring.builtin.poll-interval:PT30S}",
            initialDelayString = "${aiact.monitoring.builtin.poll-interval:PT30S}")
    void runAll() {
        List<String> systems;
        try {
            systems = states.systems();
        } catch (RuntimeException e) {
            log.error("Built-in monitors could not list their systems; the next poll retries", e);
            metrics.runFailed("*");
            return;
        }
        for (String systemId : systems) {
            try {
                run(systemId);
            } catch (RuntimeException e) {
                log.error("Built-in monitors of {} failed; the next poll retries from the same place", systemId, e);
                metrics.runFailed(systemId);
            }
        }
    }

    /** One run for one system; how many signals it emitted (a duplicate of a stored one is not counted). */
    int run(String systemId) {
        if (registry.status(systemId).filter(s -> s != SystemStatus.WITHDRAWN).isEmpty()) {
            return 0;
        }
        Integer emitted = transactions.execute(tx -> {
            List<MonitorStates.State> locked = states.lock(systemId);
            if (locked.isEmpty()) {
                return 0;
            }
            List<Progress> monitors = locked.stream().map(Progress::new).toList();
            boolean caughtUp = aggregate(systemId, monitors);
            int signals = 0;
            for (Progress progress : monitors) {
                states.add(systemId, progress.state.metric(), progress.buckets());
                metrics.lateEvents(systemId, progress.state.metric(), progress.late);
                if (caughtUp) {
                    signals += emit(progress);
                }
                states.advance(systemId, progress.state.metric(), progress.lastSeq, progress.nextWindowEnd,
                        progress.emittedThrough);
            }
            return signals;
        });
        return emitted == null ? 0 : emitted;
    }

    /** Reads the events after the monitors' positions into their buckets; true when the chain's end was reached. */
    private boolean aggregate(String systemId, List<Progress> monitors) {
        long from = monitors.stream().mapToLong(p -> p.lastSeq).min().orElseThrow();
        List<String> pointers = monitors.stream().flatMap(p -> Observer.pointers(p.state.monitor()).stream())
                .distinct().toList();
        int read = 0;
        while (read < properties.maxEventsPerRun()) {
            List<EventFields> page = register.fieldsAfter(systemId, from, properties.batchSize(), pointers);
            for (EventFields event : page) {
                if (LogEventType.INFERENCE.wireName().equals(event.type())) {
                    Observer.Fields fields = pointer -> event.values().get(pointers.indexOf(pointer));
                    monitors.forEach(p -> p.observe(event, fields));
                }
                from = event.seq();
            }
            long last = from;
            monitors.forEach(p -> p.lastSeq = Math.max(p.lastSeq, last));
            read += page.size();
            if (page.size() < properties.batchSize()) {
                return true;
            }
        }
        return false;
    }

    private int emit(Progress progress) {
        Monitor monitor = progress.state.monitor();
        Instant now = clock.instant();
        int signals = 0;
        for (int i = 0; i < properties.maxWindowsPerRun()
                && !progress.nextWindowEnd.plus(properties.lateness()).isAfter(now); i++) {
            Instant end = progress.nextWindowEnd;
            String systemId = progress.state.systemId();
            Optional<Evaluator.Value> value = Evaluator.evaluate(monitor, progress.state.reference(),
                    (from, to) -> states.sum(systemId, monitor.metric(), from, to), end, properties.epsilon());
            if (value.isPresent()) {
                signals += intake.accept(systemId, ACTOR, List.of(signal(systemId, monitor, end, value.get()))).accepted();
            }
            progress.emittedThrough = end;
            progress.nextWindowEnd = end.plus(monitor.cadence());
            states.purge(systemId, monitor.metric(), progress.nextWindowEnd.minus(monitor.lookBack()));
        }
        return signals;
    }

    /** The signal id is the system, the metric and the window's end: the same window is the same signal. */
    static String signalId(String systemId, String metric, Instant windowEnd) {
        return SOURCE + ":" + systemId + ":" + metric + ":" + windowEnd;
    }

    private static NewSignal signal(String systemId, Monitor monitor, Instant end, Evaluator.Value value) {
        return new NewSignal(monitor.metric(), monitor.category(),
                BigDecimal.valueOf(value.value()).setScale(6, RoundingMode.HALF_EVEN), end, monitor.window(), null,
                value.labels(), SOURCE, signalId(systemId, monitor.metric(), end));
    }

    /** One monitor's run: its position, and the counts of the events read, by bucket. */
    private static final class Progress {

        final MonitorStates.State state;
        /** Counts and sums by bucket start, then key: counted in place, as every event adds to several. */
        private final Map<Instant, Map<String, double[]>> counts = new HashMap<>();
        private final long bucketSeconds;
        private final Duration lookBack;
        long lastSeq;
        Instant nextWindowEnd;
        Instant emittedThrough;
        long late;
        /** The bucket the last event fell in: events come in chain order, so mostly the next one's too. */
        private long currentStart = Long.MIN_VALUE;
        private Map<String, double[]> current;
        /** Where the windows still to come begin, for {@link #nextWindowEnd}. */
        private Instant horizon;
        private Instant horizonFor;

        Progress(MonitorStates.State state) {
            this.state = state;
            this.lastSeq = state.lastSeq();
            this.nextWindowEnd = state.nextWindowEnd();
            this.emittedThrough = state.emittedThrough();
            this.bucketSeconds = state.monitor().bucket().toSeconds();
            this.lookBack = state.monitor().lookBack();
        }

        void observe(EventFields event, Observer.Fields fields) {
            if (event.seq() <= state.lastSeq()) {
                return;
            }
            Instant occurred = event.occurredAt();
            if (emittedThrough != null && occurred.isBefore(emittedThrough)) {
                late++;
            }
            // Events older than every window still to come are of no use to the monitor.
            if (occurred.isBefore(horizon())) {
                return;
            }
            Map<String, double[]> bucket = bucket(Math.floorDiv(occurred.getEpochSecond(), bucketSeconds) * bucketSeconds);
            Observer.observe(state.monitor(), state.reference(), fields, (key, count, sum) -> {
                double[] total = bucket.computeIfAbsent(key, k -> new double[2]);
                total[0] += count;
                total[1] += sum;
            });
        }

        /** The counts and sums of the events read, as the buckets store them. */
        Map<MonitorStates.BucketId, Evaluator.Sum> buckets() {
            Map<MonitorStates.BucketId, Evaluator.Sum> sums = new HashMap<>();
            counts.forEach((start, keys) -> keys.forEach((key, total) ->
                    sums.put(new MonitorStates.BucketId(start, key), new Evaluator.Sum((long) total[0], total[1]))));
            return sums;
        }

        private Map<String, double[]> bucket(long start) {
            if (start != currentStart) {
                currentStart = start;
                current = counts.computeIfAbsent(Instant.ofEpochSecond(start), s -> new HashMap<>());
            }
            return current;
        }

        private Instant horizon() {
            if (nextWindowEnd != horizonFor) {
                horizonFor = nextWindowEnd;
                horizon = nextWindowEnd.minus(lookBack);
            }
            return horizon;
        }
    }
}
