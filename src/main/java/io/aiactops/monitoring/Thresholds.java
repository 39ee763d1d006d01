package io.aiactops.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.aiactops.oversight.Severity;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a value against {@code processes/monitoring-thresholds.dmn}, always its latest deployed
 * version, so that a table redeployed from Camunda Modeler applies to the next signal.
 * <p>
 * The table is evaluated by a standalone DMN engine rather than through the DecisionService, which
 * would write a Camunda history entry (7 rows) for every signal: the log register already keeps each
 * signal and each breach with its rationale, and that history would be most of the cost of a signal.
 * Parsed tables are kept per deployed version; finding the latest version is one indexed query.
 * Signals are checked ahead against the latest table the node found, and the transaction that records
 * them finds the latest once for all the signals it holds, checking again any signal checked against
 * an older one.
 */
@Component
public class Thresholds {

    public static final String DECISION_KEY = "monitoring-thresholds";

    private final RepositoryService repositoryService;
    private final JdbcClient jdbc;
    private final DmnEngine dmnEngine = newDmnEngine();
    private final FeelEngine feel = ((DefaultDmnEngineConfiguration) dmnEngine.getConfiguration()).getFeelEngine();
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
    private final Map<String, Decision> models = new ConcurrentHashMap<>();
    /** The table {@link #latestTable()} found last. */
    private volatile Table lastFound;

    Thresholds(RepositoryService repositoryService, JdbcClient jdbc) {
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
    }

    /** A deployed version of the table, parsed. */
    public record Table(String id, DmnDecision decision) {
    }

    /** The latest deployed table (one indexed query; parsed once per version). */
    public Table latestTable() {
        Latest latest = latest();
        Table table = new Table(latest.id(), parsed.computeIfAbsent(latest.id(), id -> parse(latest)));
        lastFound = table;
        return table;
    }

    /**
     * The latest table this node found, without asking the database: for a check made ahead, which the
     * caller compares with {@link #latestTable()} where it records the outcome.
     */
    public Table lastFoundTable() {
        Table found = lastFound;
        return found != null ? found : latestTable();
    }

    public ThresholdCheck check(Table table, String aiSystemId, String metric, SignalCategory category,
            BigDecimal value) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(table.decision(), Variables.createVariables()
                .putValue("aiSystemId", aiSystemId)
                .putValue("metric", metric)
                .putValue("category", category.wireName())
                .putValue("value", value.doubleValue()));
        DmnDecisionResultEntries first = result.getFirstResult();
        if (first == null) {
            throw new IllegalStateException("The decision table '" + DECISION_KEY + "' matched no rule for " + metric
                    + "; it must end with a catch-all 'ok' rule");
        }
        String severity = first.getEntry("severity");
        try {
            return new ThresholdCheck(Severity.fromWireName(severity), first.getEntry("rationale"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The decision table '" + DECISION_KEY + "' gave " + e.getMessage(), e);
        }
    }

    /**
     * Where the latest table puts the warning and critical bounds of a system's metric, for charts;
     * {@code category} is the one the metric is sent under, {@code null} if none was sent yet.
     */
    public ThresholdLines lines(String aiSystemId, String metric, SignalCategory category) {
        Latest latest = latest();
        Decision decision = models.computeIfAbsent(latest.id(), id -> repositoryService.getDmnModelInstance(id)
                .getModelElementById(DECISION_KEY));
        return ThresholdLines.of(decision, aiSystemId, metric, category, feel);
    }

    private Latest latest() {
        // Camunda's documented schema, read directly: the engine's query API costs a command (about 1 ms
        // of CPU) per signal, and this must see a table deployed on any node by the next signal.
        return jdbc.sql("""
                SELECT ID_, DEPLOYMENT_ID_, RESOURCE_NAME_ FROM ACT_RE_DECISION_DEF
                WHERE KEY_ = ? AND TENANT_ID_ IS NULL ORDER BY VERSION_ DESC FETCH FIRST 1 ROWS ONLY""")
                .param(DECISION_KEY)
                .query((rs, n) -> new Latest(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("The decision table '" + DECISION_KEY + "' is not deployed"));
    }

    /** The DMN engine thresholds are checked with (also the one the table's tests use). */
    static DmnEngine newDmnEngine() {
        return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(new ThresholdsFeelEngine()).buildEngine();
    }

    private record Latest(String id, String deploymentId, String resourceName) {
    }

    private DmnDecision parse(Latest definition) {
        try (InputStream dmn = repositoryService.getResourceAsStream(definition.deploymentId(),
                definition.resourceName())) {
            return dmnEngine.parseDecision(DECISION_KEY, dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
