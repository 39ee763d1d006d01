package io.aiactops.monitoring.builtin;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.monitoring.SignalCategory;
import io.aiactops.monitoring.SignalParser;
import io.aiactops.platform.WireName;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonFields;

/** Reads the {@code monitors} of a monitoring plan, filling in each default; refuses a bad one naming its field. */
final class MonitorParser {

    private static final Set<String> COMMON = Set.of("metric", "category", "kind", "cadence", "window", "minCount",
            "backfill");
    private static final Duration MAX_BACKFILL = Duration.ofDays(31);
    /** RFC 6901: "/"-separated tokens in which "~" only starts "~0" or "~1"; the whole payload ("") is not a field. */
    private static final Pattern POINTER = Pattern.compile("(/([^~/]|~[01])*)+");
    private static final Duration MIN_CADENCE = Duration.ofMinutes(1);
    private static final int MAX_MONITORS = 50;

    private final BuiltinMonitorProperties properties;
    private final Clock clock;

    MonitorParser(BuiltinMonitorProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    List<Monitor> parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_MONITORS) {
            throw new InvalidFieldException("monitors", "must be a list of at most " + MAX_MONITORS + " monitors");
        }
        List<Monitor> monitors = new ArrayList<>();
        Set<String> metrics = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Monitor monitor = monitor(node.get(i), "monitors[" + i + "]");
            // The signal id is (system, metric, window end): two monitors of one metric would share it.
            if (!metrics.add(monitor.metric())) {
                throw new InvalidFieldException("monitors[" + i + "].metric",
                        "another monitor already reports '" + monitor.metric() + "'; give each monitor its own metric");
            }
            monitors.add(monitor);
        }
        return monitors;
    }

    private Monitor monitor(JsonNode node, String path) {
        JsonFields kindField = JsonFields.of(node, path);
        String kindName = kindField.text("kind", true, 32);
        MonitorKind kind = MonitorKind.fromWireName(kindName);
        if (kind == null) {
            throw new InvalidFieldException(kindField.path("kind"), "unknown monitor kind '" + kindName + "'; expected one of "
                    + WireName.list(MonitorKind.class));
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(kind.parameters());
        JsonFields fields = JsonFields.of(node, path, allowed);
        String metric = fields.text("metric", false, SignalParser.METRIC_PATTERN,
                "must be a metric name as in the signals: lower-case letters, digits and underscores");
        SignalCategory category = kind.defaultCategory();
        String categoryName = fields.text("category", false, 32);
        if (categoryName != null) {
            category = SignalCategory.fromWireName(categoryName);
            if (category == null) {
                throw new InvalidFieldException(fields.path("category"), "must be one of " + SignalCategory.wireNames());
            }
        }
        Duration cadence = fields.duration("cadence", true);
        if (cadence.compareTo(MIN_CADENCE) < 0 || cadence.toSeconds() % 60 != 0 || cadence.getNano() != 0) {
            throw new InvalidFieldException(fields.path("cadence"), "must be a whole number of minutes, at least PT1M");
        }
        Duration window = fields.duration("window", true);
        if (window.compareTo(cadence) < 0 || window.toSeconds() % 60 != 0 || window.getNano() != 0) {
            throw new InvalidFieldException(fields.path("window"),
                    "must be a whole number of minutes, at least the cadence (" + cadence + ")");
        }
        int minCount = count(fields, "minCount", properties.minCount(), 1, 1_000_000);
        Duration backfill = fields.duration("backfill", false);
        if (backfill != null && (backfill.compareTo(MAX_BACKFILL) > 0 || backfill.toSeconds() % cadence.toSeconds() != 0)) {
            throw new InvalidFieldException(fields.path("backfill"),
                    "must be a whole number of cadences (" + cadence + "), at most " + MAX_BACKFILL);
        }
        return switch (kind) {
            case PSI -> new Monitor(name(metric, kind), category, kind, cadence, window, minCount,
                    pointer(fields, "field", null), count(fields, "bins", 10, 2, 50), reference(node, fields), null,
                    null, null, null, null, null, null, backfill);
            case CATEGORY_SHIFT -> new Monitor(name(metric, kind), category, kind, cadence, window, minCount,
                    pointer(fields, "field", null), null, reference(node, fields), null, null, null, null, null, null,
                    null, backfill);
            case CONFIDENCE -> new Monitor(name(metric, kind), category, kind, cadence, window, minCount,
                    pointer(fields, "field", "/confidence"), null, null, cutOff(fields), null, null, null, null, null,
                    null, backfill);
            case GROUP_PARITY -> new Monitor(name(metric, kind), category, kind, cadence, window, minCount, null, null,
                    null, null, pointer(fields, "groupField", null), pointer(fields, "outcomeField", null),
                    fields.text("outcomeValue", true, 200),
                    count(fields, "minGroupSize", properties.minGroupSize(), 1, 1_000_000), null, null, backfill);
            case OVERRIDE_RATE -> new Monitor(name(metric, kind), category, kind, cadence, window, minCount, null, null,
                    null, null, null, null, null, null, pointer(fields, "modelField", null),
                    pointer(fields, "humanField", null), backfill);
            case VOLUME -> new Monitor(name(metric, kind), category, kind, cadence, window, minCount, null, null, null,
                    null, null, null, null, null, null, null, backfill);
            case MISSING_RATE -> new Monitor(name(metric, kind), category, kind, cadence, window, minCount,
                    pointer(fields, "field", null), null, null, null, null, null, null, null, null, null, backfill);
        };
    }

    private static String name(String metric, MonitorKind kind) {
        return metric != null ? metric : kind.defaultMetric();
    }

    /** A required pointer unless it has a default. */
    private static String pointer(JsonFields fields, String name, String defaultPointer) {
        String pointer = fields.text(name, defaultPointer == null, 500);
        if (pointer == null) {
            return defaultPointer;
        }
        if (!POINTER.matcher(pointer).matches()) {
            throw new InvalidFieldException(fields.path(name),
                    "must be a JSON pointer into the inference payload (RFC 6901), e.g. /output/score");
        }
        return pointer;
    }

    private static int count(JsonFields fields, String name, int defaultValue, int min, int max) {
        BigDecimal value = fields.number(name, false);
        if (value == null) {
            return defaultValue;
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidFieldException(fields.path(name), "must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }

    private static double cutOff(JsonFields fields) {
        BigDecimal value = fields.number("cutOff", false);
        if (value == null) {
            return 0.5;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidFieldException(fields.path("cutOff"), "must be between 0 and 1");
        }
        return value.doubleValue();
    }

    private Monitor.ReferenceWindow reference(JsonNode monitor, JsonFields fields) {
        String path = fields.path("reference");
        JsonNode node = monitor.get("reference");
        if (node == null || node.isNull()) {
            throw new InvalidFieldException(path, "is required: {\"from\": …, \"to\": …} or {\"beforeActivation\": true}");
        }
        JsonFields reference = JsonFields.of(node, path, Set.of("from", "to", "beforeActivation"));
        if (reference.has("beforeActivation")) {
            if (!node.get("beforeActivation").isBoolean() || !node.get("beforeActivation").booleanValue()
                    || reference.has("from") || reference.has("to")) {
                throw new InvalidFieldException(reference.path("beforeActivation"),
                        "must be true, without from and to: the monitor's window before the active version's activation");
            }
            return new Monitor.ReferenceWindow(null, null, Boolean.TRUE);
        }
        Instant from = reference.instant("from", true);
        Instant to = reference.instant("to", true);
        if (!from.isBefore(to)) {
            throw new InvalidFieldException(reference.path("to"), "must be after from");
        }
        if (to.isAfter(clock.instant())) {
            throw new InvalidFieldException(reference.path("to"), "is in the future: a reference is a window already seen");
        }
        return new Monitor.ReferenceWindow(from, to, null);
    }

}
