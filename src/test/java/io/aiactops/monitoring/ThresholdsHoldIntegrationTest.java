package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.aiactops.logs.EvidenceHold;
import io.aiactops.logs.EvidenceHolds;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** While a system is under an evidence hold, a thresholds table that changes its thresholds is not deployed. */
@IntegrationTest
class ThresholdsHoldIntegrationTest {

    private static final String SHIPPED = read("processes/monitoring-thresholds.dmn");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    EvidenceHolds holds;

    String held;
    String other;
    EvidenceHold hold;

    @BeforeEach
    void aSystemUnderAnIncidentHoldAndAnother() {
        Api api = Api.anonymous(port);
        held = TestSystems.register(api, "held");
        other = TestSystems.register(api, "other");
        hold = holds.place(held, "serious incident classified as reportable", "INC-2026-00042", "incident-manager");
    }

    /** Other integration tests share this engine and rely on the shipped thresholds. */
    @AfterEach
    void redeployTheShippedTable() {
        holds.active(held).forEach(h -> holds.release(held, h.id(), "test over", "incident-manager"));
        deploy("thresholds-restored", SHIPPED);
        assertThat(latestTable()).isEqualTo(SHIPPED);
    }

    @Test
    void aChangeOfAHeldSystemsThresholdsIsRefusedUntilTheHoldIsReleased() {
        deploy("thresholds-same-" + held, SHIPPED);
        String before = latestDefinitionId();

        // As Camunda Modeler deploys: through /engine-rest, where the refusal is a 400 with the reason.
        Api.Response refused = Api.anonymous(port).as("process-owner").deploy("thresholds-" + held,
                Map.of("monitoring-thresholds.dmn", stricterFor(held)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).isEqualTo("The thresholds table 'monitoring-thresholds' is refused: it changes the thresholds of '"
                        + held + "', which is under evidence hold " + hold.id()
                        + " (INC-2026-00042): serious incident classified as reportable; release the hold first"
                        + " (authorities informed of the planned change)");
        assertThat(latestDefinitionId()).isEqualTo(before);
        assertThatThrownBy(() -> deploy("thresholds-" + held, stricterFor(held))).isInstanceOf(ProcessEngineException.class);

        deploy("thresholds-" + other, stricterFor(other));
        assertThat(latestTable()).isEqualTo(stricterFor(other));

        holds.release(held, hold.id(), "authorities informed of the planned change", "incident-manager");
        deploy("thresholds-" + held, stricterFor(held));
        assertThat(latestTable()).isEqualTo(stricterFor(held));
    }

    /** The shipped table with a stricter accuracy row for one system on top, as from Camunda Modeler. */
    private static String stricterFor(String systemId) {
        return SHIPPED.replaceFirst("<rule id=\"Rule_01\">", """
                <rule id="Rule_Strict">
                        <inputEntry id="Rule_Strict_AiSystemId"><text>"%s"</text></inputEntry>
                        <inputEntry id="Rule_Strict_Metric"><text>"accuracy"</text></inputEntry>
                        <inputEntry id="Rule_Strict_Category"><text>-</text></inputEntry>
                        <inputEntry id="Rule_Strict_Value"><text>&lt; 0.95</text></inputEntry>
                        <outputEntry id="Rule_Strict_Severity"><text>"warning"</text></outputEntry>
                        <outputEntry id="Rule_Strict_Rationale"><text>"Accuracy below 0.95 for this system"</text></outputEntry>
                      </rule>
                      <rule id="Rule_01">""".formatted(systemId));
    }

    private void deploy(String name, String table) {
        repositoryService.createDeployment().name(name).addString("monitoring-thresholds.dmn", table).deploy();
    }

    private DecisionDefinition latest() {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(Thresholds.DECISION_KEY)
                .withoutTenantId().latestVersion().singleResult();
    }

    private String latestDefinitionId() {
        return latest().getId();
    }

    private String latestTable() {
        DecisionDefinition latest = latest();
        try (InputStream table = repositoryService.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
            return new String(table.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
