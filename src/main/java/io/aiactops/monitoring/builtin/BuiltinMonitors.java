package io.aiactops.monitoring.builtin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.logs.LogEvent;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.monitoring.MetricSeries;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.ModelVersionStatus;
import io.aiactops.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in monitors of the monitoring plans: reads them from a plan, and when a plan version is
 * stored makes its monitors the running ones. An unchanged monitor keeps its state and its frozen
 * reference; a changed or new one starts afresh, from the latest closed window.
 */
@Service
public class BuiltinMonitors {

    private final MonitorParser parser;
    private final MonitorStates states;
    private final MetricSeries series;
    private final LogRegister register;
    private final Registry registry;
    private final BuiltinMonitorProperties properties;
    private final Clock clock;

    BuiltinMonitors(MonitorStates states, MetricSeries series, LogRegister register, Registry registry,
            BuiltinMonitorProperties properties, Clock clock) {
        this.parser = new MonitorParser(properties, clock);
        this.states = states;
        this.series = series;
        this.register = register;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    /** The {@code monitors} of a monitoring plan body, defaults filled in; none when absent. */
    public List<Monitor> parse(JsonNode monitors) {
        return parser.parse(monitors);
    }

    /**
     * Runs the monitors of a newly stored plan version, in the plan's transaction: a reference that
     * cannot be frozen refuses the whole plan, naming the monitor's field.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void declare(String systemId, int planVersion, List<Monitor> monitors) {
        Map<String, MonitorStates.State> running = states.of(systemId).stream()
                .collect(Collectors.toMap(MonitorStates.State::metric, Function.identity()));
        Map<String, Monitor> declared = monitors.stream()
                .collect(Collectors.toMap(Monitor::metric, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        running.values().stream().filter(s -> !s.monitor().equals(declared.get(s.metric())))
                .forEach(s -> states.delete(systemId, s.metric()));
        Instant now = clock.instant();
        for (int i = 0; i < monitors.size(); i++) {
            Monitor monitor = monitors.get(i);
            MonitorStates.State state = running.get(monitor.metric());
            if (state != null && state.monitor().equals(monitor)) {
                states.keep(systemId, monitor.metric(), planVersion);
                continue;
            }
            Instant firstEnd = firstEnd(systemId, monitor, now);
            states.insert(new MonitorStates.State(systemId, planVersion, monitor,
                    freeze(systemId, monitor, "monitors[" + i + "].reference"),
                    register.seqBeforeOccurred(systemId, firstEnd.minus(monitor.lookBack())), firstEnd, null));
        }
    }

    /**
     * Where a declared monitor starts: the latest closed window, or its backfill before that, but after
     * the last window its metric was signalled for by a monitor before it (a changed monitor is declared
     * again). A signalled window is never signalled again, however long ago: the register's idempotency
     * check would catch a repeat only within its window, and store an older one twice.
     */
    private Instant firstEnd(String systemId, Monitor monitor, Instant now) {
        Instant first = monitor.backfill() == null ? latestClosedEnd(monitor, now)
                : latestClosedEnd(monitor, now).minus(monitor.backfill());
        Optional<Instant> signalled = series.lastObserved(systemId, monitor.metric(), BuiltinMonitorRun.SOURCE);
        if (signalled.isPresent() && !first.isAfter(signalled.get())) {
            long cadences = Duration.between(first, signalled.get()).toSeconds() / monitor.cadence().toSeconds() + 1;
            first = first.plus(monitor.cadence().multipliedBy(cadences));
        }
        return first;
    }

    /** The end of the latest window closed at {@code now}: ends fall on whole cadences since the epoch. */
    Instant latestClosedEnd(Monitor monitor, Instant now) {
        long cadence = monitor.cadence().toSeconds();
        long closed = now.minus(properties.lateness()).getEpochSecond();
        return Instant.ofEpochSecond(Math.floorDiv(closed, cadence) * cadence);
    }

    private FrozenReference freeze(String systemId, Monitor monitor, String field) {
        if (monitor.reference() == null) {
            return null;
        }
        Instant from = monitor.reference().from();
        Instant to = monitor.reference().to();
        if (Boolean.TRUE.equals(monitor.reference().beforeActivation())) {
            ModelVersion active = registry.modelVersions(systemId).stream()
                    .filter(v -> v.status() == ModelVersionStatus.ACTIVE).findFirst()
                    .orElseThrow(() -> new InvalidFieldException(field + ".beforeActivation",
                            "'" + systemId + "' has no active model version; give a fixed reference window (from, to)"));
            to = active.statusChangedAt() != null ? active.statusChangedAt() : active.createdAt();
            from = to.minus(monitor.window());
        }
        List<LogEvent> events = register.events(systemId, Set.of(LogEventType.INFERENCE), from, to);
        String pointer = monitor.field();
        if (monitor.kind() == MonitorKind.PSI) {
            double[] values = events.stream().map(e -> e.payload().at(pointer)).filter(JsonNode::isNumber)
                    .mapToDouble(JsonNode::doubleValue).sorted().toArray();
            requireEnough(field, monitor, values.length, from, to);
            double[] edges = Formulas.quantileEdges(values, monitor.bins());
            return new FrozenReference(from, to, values.length, edges, Formulas.histogram(edges, values), null);
        }
        Map<String, Long> categories = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        events.forEach(e -> {
            String category = Observer.text(e.payload().at(pointer));
            if (category != null) {
                seen.add(category);
            }
        });
        seen.stream().sorted().forEach(c -> categories.merge(c, 1L, Long::sum));
        requireEnough(field, monitor, seen.size(), from, to);
        return new FrozenReference(from, to, seen.size(), null, null, categories);
    }

    private static void requireEnough(String field, Monitor monitor, int values, Instant from, Instant to) {
        if (values < monitor.minCount()) {
            throw new InvalidFieldException(field, "the reference window " + from + " to " + to + " holds " + values
                    + " inferences with a value at " + monitor.field() + "; the monitor needs at least "
                    + monitor.minCount() + " (minCount)");
        }
    }
}
