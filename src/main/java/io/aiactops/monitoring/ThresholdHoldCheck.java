package io.aiactops.monitoring;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.aiactops.logs.EvidenceHold;
import io.aiactops.logs.EvidenceHolds;
import io.aiactops.platform.process.DecisionDeploymentCheck;
import io.aiactops.platform.process.DeploymentRefusal;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses a new version of the thresholds table that changes the thresholds of a system under an
 * evidence hold (Art. 73(6): no alteration before the authorities are informed), naming the holds —
 * also for deployments from Camunda Modeler. It runs after the engine's own deployers, so the new
 * table has already passed {@link ThresholdTableCheck}.
 * <p>
 * A hold placed while a deployment is in flight is not seen by it: holds are not taken under a lock
 * that a deployment could wait for without stopping every system's log appends.
 */
@Component
class ThresholdHoldCheck implements DecisionDeploymentCheck {

    private final EvidenceHolds holds;
    private final JdbcClient jdbc;
    /** The FEEL engine the thresholds are evaluated with ({@link ThresholdsFeelEngine} wraps the same). */
    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

    ThresholdHoldCheck(EvidenceHolds holds, JdbcClient jdbc) {
        this.holds = holds;
        this.jdbc = jdbc;
    }

    @Override
    public void checkNew(DeployedDecision table) {
        if (!Thresholds.DECISION_KEY.equals(table.key())) {
            return;
        }
        List<EvidenceHold> active = holds.allActive();
        if (active.isEmpty()) {
            return;
        }
        Optional<Decision> deployed = deployedTable(table.deploymentId());
        if (deployed.isEmpty()) {
            return;
        }
        Decision proposed = decision(table.dmn());
        Map<String, List<EvidenceHold>> bySystem = active.stream()
                .collect(Collectors.groupingBy(EvidenceHold::systemId, LinkedHashMap::new, Collectors.toList()));
        List<String> changed = new ArrayList<>();
        int changedHolds = 0;
        for (Map.Entry<String, List<EvidenceHold>> system : bySystem.entrySet()) {
            if (!SystemThresholds.of(deployed.get(), system.getKey(), feel)
                    .equals(SystemThresholds.of(proposed, system.getKey(), feel))) {
                changed.add("'" + system.getKey() + "', which is under "
                        + system.getValue().stream().map(EvidenceHold::describe).collect(Collectors.joining(" and ")));
                changedHolds += system.getValue().size();
            }
        }
        if (!changed.isEmpty()) {
            throw new DeploymentRefusal("The thresholds table '" + Thresholds.DECISION_KEY
                    + "' is refused: it changes the thresholds of " + String.join(", and of ", changed)
                    + "; release the " + (changedHolds == 1 ? "hold" : "holds")
                    + " first (authorities informed of the planned change)");
        }
    }

    /**
     * The latest version deployed before this deployment. Camunda's documented schema is read directly:
     * this runs inside the engine's deployment command, where the RepositoryService would start a
     * nested command; the new version's rows are excluded by its deployment id.
     */
    private Optional<Decision> deployedTable(String deploymentId) {
        return jdbc.sql("""
                SELECT b.BYTES_ FROM ACT_RE_DECISION_DEF d
                JOIN ACT_GE_BYTEARRAY b ON b.DEPLOYMENT_ID_ = d.DEPLOYMENT_ID_ AND b.NAME_ = d.RESOURCE_NAME_
                WHERE d.KEY_ = ? AND d.TENANT_ID_ IS NULL AND d.DEPLOYMENT_ID_ <> ?
                ORDER BY d.VERSION_ DESC FETCH FIRST 1 ROWS ONLY""")
                .params(Thresholds.DECISION_KEY, deploymentId)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .map(ThresholdHoldCheck::decision);
    }

    private static Decision decision(byte[] dmn) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(dmn)).getModelElementById(Thresholds.DECISION_KEY);
    }
}
