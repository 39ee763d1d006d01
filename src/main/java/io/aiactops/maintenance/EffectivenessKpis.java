package io.aiactops.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.aiactops.logs.LogEvent;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.monitoring.MonitoringSignalRecorded;
import io.aiactops.monitoring.ThresholdBreachRecorded;
import org.springframework.stereotype.Component;

/**
 * The KPIs a process owner verifies a retrained or adapted version by: per monitored metric, the
 * signals' count and mean in the verification window before the activation and after it, and the
 * threshold breaches in each, all read from the log register.
 */
@Component
public class EffectivenessKpis {

    private final LogRegister register;
    private final MaintenanceProperties properties;

    EffectivenessKpis(LogRegister register, MaintenanceProperties properties) {
        this.properties = properties;
        this.register = register;
    }

    /** One metric before and after; a mean is null where no signal came in. */
    public record MetricKpi(String metric, long countBefore, Double meanBefore, long countAfter, Double meanAfter,
            long breachesBefore, long breachesAfter) {
    }

    /**
     * The comparison a corrective action's verification reads: the verification window before and after
     * the new version's activation ({@code activatedAt} as the process holds it, ISO-8601).
     */
    public List<MetricKpi> afterActivation(String systemId, String activatedAt) {
        return compare(systemId, Instant.parse(activatedAt), properties.verificationWindow());
    }

    public List<MetricKpi> compare(String systemId, Instant activatedAt, Duration window) {
        Instant from = activatedAt.minus(window);
        Instant to = activatedAt.plus(window);
        List<LogEvent> events = register.events(systemId, Set.of(LogEventType.MONITORING_SIGNAL, LogEventType.THRESHOLD_BREACH),
                from, to);
        Map<String, DoubleSummaryStatistics[]> signals = new TreeMap<>();
        Map<String, long[]> breaches = new TreeMap<>();
        for (LogEvent event : events) {
            int half = event.occurredAt().isBefore(activatedAt) ? 0 : 1;
            if (event.type().equals(LogEventType.MONITORING_SIGNAL.wireName())) {
                event.payloadAs(MonitoringSignalRecorded.class)
                        .filter(signal -> signal.metric() != null && signal.value() != null)
                        .ifPresent(signal -> signals.computeIfAbsent(signal.metric(), m -> new DoubleSummaryStatistics[] {
                                new DoubleSummaryStatistics(), new DoubleSummaryStatistics()})[half]
                                .accept(signal.value().doubleValue()));
            } else if (event.type().equals(LogEventType.THRESHOLD_BREACH.wireName())) {
                event.payloadAs(ThresholdBreachRecorded.class).map(ThresholdBreachRecorded::metric)
                        .ifPresent(metric -> breaches.computeIfAbsent(metric, m -> new long[2])[half]++);
            }
        }
        return java.util.stream.Stream.concat(signals.keySet().stream(), breaches.keySet().stream()).distinct().sorted()
                .map(metric -> {
                    DoubleSummaryStatistics[] s = signals.getOrDefault(metric,
                            new DoubleSummaryStatistics[] {new DoubleSummaryStatistics(), new DoubleSummaryStatistics()});
                    long[] b = breaches.getOrDefault(metric, new long[2]);
                    return new MetricKpi(metric, s[0].getCount(), mean(s[0]), s[1].getCount(), mean(s[1]), b[0], b[1]);
                })
                .toList();
    }

    /** The comparison as a process owner reads it in the form, one line per metric. */
    public static String summary(List<MetricKpi> kpis) {
        if (kpis.isEmpty()) {
            return "No monitoring signal or breach in the windows before and after the activation.";
        }
        return kpis.stream().map(k -> "%s: mean %s → %s (%d → %d signals), breaches %d → %d".formatted(k.metric(),
                format(k.meanBefore()), format(k.meanAfter()), k.countBefore(), k.countAfter(), k.breachesBefore(),
                k.breachesAfter())).collect(Collectors.joining("\n"));
    }

    /** The comparison as recorded in the register. */
    public static Map<String, Object> asPayload(List<MetricKpi> kpis) {
        Map<String, Object> byMetric = new LinkedHashMap<>();
        kpis.forEach(k -> byMetric.put(k.metric(), k));
        return byMetric;
    }

    private static Double mean(DoubleSummaryStatistics statistics) {
        return statistics.getCount() == 0 ? null : statistics.getAverage();
    }

    private static String format(Double value) {
        return value == null ? "—" : "%.4f".formatted(value);
    }
}
