package io.aiactops.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.monitoring.SignalCategory;
import io.aiactops.monitoring.SignalParser;
import io.aiactops.monitoring.builtin.BuiltinMonitors;
import io.aiactops.monitoring.builtin.Monitor;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonFields;
import io.aiactops.registry.Registry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Versioned post-market monitoring plans; each new version is recorded in the system's register. */
@Service
public class MonitoringPlans {

    private static final Set<String> FIELDS = Set.of("metrics", "monitors", "thresholdsReference", "reviewCadence", "owners",
            "deployerFeedbackChannel", "changeNote");
    private static final Set<String> METRIC_FIELDS = Set.of("name", "category", "source");

    private final JdbcClient jdbc;
    private final Registry registry;
    private final LogRegister register;
    private final BuiltinMonitors monitors;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    MonitoringPlans(JdbcClient jdbc, Registry registry, LogRegister register, BuiltinMonitors monitors,
            ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.monitors = monitors;
        this.registry = registry;
        this.register = register;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The current plan and every earlier version, newest first. */
    public record History(MonitoringPlan current, List<MonitoringPlan> versions) {
    }

    /** Stores the body as the plan's next version; refuses a bad one naming the field, storing nothing. */
    @Transactional
    public MonitoringPlan put(String systemId, JsonNode body, String actor) {
        registry.get(systemId);
        JsonFields fields = JsonFields.of(body, "", FIELDS);
        List<MonitoringPlan.Metric> metrics = metrics(body.get("metrics"));
        List<Monitor> builtin = monitors.parse(body.get("monitors"));
        String thresholds = fields.text("thresholdsReference", true, 200);
        Period cadence = cadence(fields.text("reviewCadence", true, 32));
        List<String> owners = texts(body.get("owners"), "owners");
        String feedback = fields.text("deployerFeedbackChannel", true, 500);
        String note = fields.text("changeNote", false, 2000);
        int version = current(systemId).map(p -> p.version() + 1).orElse(1);
        if (version > 1 && note == null) {
            throw new InvalidFieldException("changeNote", "say what changed from version " + (version - 1));
        }
        try {
            jdbc.sql("""
                    INSERT INTO monitoring_plan (system_id, version, metrics, monitors, thresholds_reference, review_cadence,
                        owners, deployer_feedback, change_note, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(systemId, version, json(metrics), json(builtin), thresholds, cadence.toString(), json(owners), feedback, note,
                            JdbcTime.utc(clock.instant()), actor)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The monitoring plan of '" + systemId + "' was changed at the same time; read it and retry");
        }
        // Before the register: a monitor run locks the monitors' rows and then appends (the chain's lock);
        // taking them in the same order here keeps a plan change and a run from deadlocking.
        monitors.declare(systemId, version, builtin);
        register.record(systemId, LogEventType.CONFIGURATION_CHANGED, actor, new MaintenanceRecorded.MonitoringPlanChanged(version,
                metrics.stream().map(MonitoringPlan.Metric::name).toList(), cadence.toString(), note));
        return current(systemId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<MonitoringPlan> current(String systemId) {
        return jdbc.sql("SELECT * FROM monitoring_plan WHERE system_id = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(systemId).query(this::plan).optional();
    }

    @Transactional(readOnly = true)
    public History history(String systemId) {
        registry.get(systemId);
        List<MonitoringPlan> versions = jdbc.sql("SELECT * FROM monitoring_plan WHERE system_id = ? ORDER BY version DESC")
                .param(systemId).query(this::plan).list();
        return new History(versions.isEmpty() ? null : versions.get(0), versions);
    }

    private List<MonitoringPlan.Metric> metrics(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidFieldException("metrics", "list at least one monitored metric: {name, category, source}");
        }
        List<MonitoringPlan.Metric> metrics = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonFields metric = JsonFields.of(node.get(i), "metrics[" + i + "]", METRIC_FIELDS);
            String name = metric.text("name", true, SignalParser.METRIC_PATTERN,
                    "must be a metric name as in the signals: lower-case letters, digits and underscores");
            String category = metric.text("category", true, 32);
            if (SignalCategory.fromWireName(category) == null) {
                throw new InvalidFieldException(metric.path("category"), "must be one of " + SignalCategory.wireNames());
            }
            metrics.add(new MonitoringPlan.Metric(name, category, metric.text("source", true, 500)));
        }
        return metrics;
    }

    private static List<String> texts(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidFieldException(field, "name at least one, e.g. a user or group id");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).textValue().isBlank() || node.get(i).textValue().length() > 128) {
                throw new InvalidFieldException(field + "[" + i + "]", "must be a non-blank string of at most 128 characters");
            }
            values.add(node.get(i).textValue());
        }
        return values;
    }

    private static Period cadence(String text) {
        try {
            Period period = Period.parse(text);
            if (period.isNegative() || period.isZero() || period.toTotalMonths() > 12
                    || (period.toTotalMonths() == 0 && period.getDays() < 1)) {
                throw new InvalidFieldException("reviewCadence", "must be between P1D and P1Y");
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("reviewCadence", "must be an ISO-8601 period, e.g. P1M for monthly");
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MonitoringPlan plan(ResultSet rs, int n) throws SQLException {
        try {
            return new MonitoringPlan(rs.getString("system_id"), rs.getInt("version"),
                    objectMapper.readValue(rs.getString("metrics"), new TypeReference<List<MonitoringPlan.Metric>>() { }),
                    objectMapper.readValue(rs.getString("monitors"), new TypeReference<List<Monitor>>() { }),
                    rs.getString("thresholds_reference"), Period.parse(rs.getString("review_cadence")),
                    objectMapper.readValue(rs.getString("owners"), new TypeReference<List<String>>() { }),
                    rs.getString("deployer_feedback"), rs.getString("change_note"), JdbcTime.instant(rs, "created_at"),
                    rs.getString("created_by"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable monitoring plan of " + rs.getString("system_id"), e);
        }
    }
}
