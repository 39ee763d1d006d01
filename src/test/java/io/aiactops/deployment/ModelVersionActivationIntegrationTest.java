package io.aiactops.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.logs.EvidenceHold;
import io.aiactops.logs.EvidenceHolds;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.ModelVersionStatus;
import io.aiactops.registry.Registry;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A candidate model version goes into service only while no evidence hold forbids changing the system. */
@IntegrationTest
class ModelVersionActivationIntegrationTest {

    private static final String SHA256_1 = "1".repeat(64);
    private static final String SHA256_2 = "2".repeat(64);

    @LocalServerPort
    int port;
    @Autowired
    ModelVersionActivation activation;
    @Autowired
    Registry registry;
    @Autowired
    EvidenceHolds holds;
    @Autowired
    JdbcClient jdbc;

    Api api;
    String systemId;

    @BeforeEach
    void aSystemRunningVersion1WithCandidate2() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "deploy");
        registry.recordRunningVersion(systemId, "1.0", "models:/scoring/1", SHA256_1, Instant.now(), "process-owner");
        registry.registerCandidate(systemId, "2.0", "models:/scoring/2", SHA256_2, "process-owner");
    }

    @Test
    void theDatabaseRefusesASecondActiveVersionOfASystem() {
        // Whatever the code does: a second ACTIVE row for the system is refused by the unique index.
        assertThatThrownBy(() -> jdbc.sql("UPDATE model_version SET status = 'ACTIVE' WHERE system_id = ? AND version = '2.0'")
                .param(systemId).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("model_version_one_active");
        assertThat(registry.modelVersions(systemId)).extracting(ModelVersion::version, ModelVersion::status)
                .containsExactlyInAnyOrder(tuple("1.0", ModelVersionStatus.ACTIVE), tuple("2.0", ModelVersionStatus.CANDIDATE));
    }

    @Test
    void activationRetiresThePreviousVersionAndIsRecorded() {
        ModelVersion activated = activation.activate(systemId, "2.0", "anna", "passed the validation report VR-17");

        assertThat(activated.status()).isEqualTo(ModelVersionStatus.ACTIVE);
        assertThat(activated.previousVersion()).isEqualTo("1.0");
        assertThat(activated.statusChangedBy()).isEqualTo("anna");
        assertThat(activated.statusReason()).isEqualTo("passed the validation report VR-17");
        assertThat(statuses()).containsExactly("1.0 RETIRED", "2.0 ACTIVE");
        ModelVersion retired = registry.modelVersion(systemId, "1.0");
        assertThat(retired.statusChangedBy()).isEqualTo("anna");
        assertThat(retired.statusReason()).isEqualTo("replaced by 2.0");
        JsonNode changes = modelVersionChanges();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("actor").asText()).isEqualTo("anna");
        JsonNode payload = changes.get(0).get("payload");
        assertThat(payload.get("previousVersion").asText()).isEqualTo("1.0");
        assertThat(payload.get("version").asText()).isEqualTo("2.0");
        assertThat(payload.get("approver").asText()).isEqualTo("anna");
        assertThat(payload.get("reason").asText()).isEqualTo("passed the validation report VR-17");
    }

    @Test
    void activationIsRefusedWhileTheSystemIsHeldAndSucceedsOnceReleased() {
        EvidenceHold hold = holds.place(systemId, "serious incident classified as reportable", "INC-2026-00001",
                "incident-manager");

        assertThatThrownBy(() -> activation.activate(systemId, "2.0", "anna", "passed the validation report VR-17"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Model version 2.0 of '" + systemId + "' cannot be activated while the system is under "
                        + "evidence hold " + hold.id() + " (INC-2026-00001): serious incident classified as reportable");
        assertThat(statuses()).containsExactly("1.0 ACTIVE", "2.0 CANDIDATE");
        assertThat(modelVersionChanges()).isEmpty();

        holds.release(systemId, hold.id(), "authorities informed of the new version", "incident-manager");
        activation.activate(systemId, "2.0", "anna", "passed the validation report VR-17");

        assertThat(statuses()).containsExactly("1.0 RETIRED", "2.0 ACTIVE");
        assertThat(modelVersionChanges()).hasSize(1);
    }

    @Test
    void onlyACandidateCanBeActivated() {
        assertThatThrownBy(() -> activation.activate(systemId, "1.0", "anna", "roll back"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is ACTIVE; only a CANDIDATE");
        activation.activate(systemId, "2.0", "anna", "passed the validation report VR-17");

        assertThatThrownBy(() -> activation.activate(systemId, "1.0", "anna", "roll back"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is RETIRED; only a CANDIDATE");
        assertThat(statuses()).containsExactly("1.0 RETIRED", "2.0 ACTIVE");
        assertThat(modelVersionChanges()).hasSize(1);
    }

    @Test
    void unknownSystemsAndVersionsAreNotFound() {
        assertThatThrownBy(() -> activation.activate(systemId, "9.9", "anna", "why not"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("9.9");
        assertThatThrownBy(() -> activation.activate(TestSystems.uniqueId("nowhere"), "2.0", "anna", "why not"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCandidateNeedsAFreshLabelAnArtifactAndItsSha256() {
        assertThatThrownBy(() -> registry.registerCandidate(systemId, "2.0", "models:/scoring/2b", SHA256_2, "process-owner"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already registered (CANDIDATE)");
        assertThatThrownBy(() -> registry.registerCandidate(systemId, "3.0", "models:/scoring/3", "A".repeat(64),
                "process-owner"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("sha256"));
        assertThatThrownBy(() -> registry.registerCandidate(systemId, "3.0", " ", SHA256_2, "process-owner"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("artifactUri"));
        assertThatThrownBy(() -> registry.registerCandidate(systemId, "3".repeat(65), "models:/scoring/3", SHA256_2,
                "process-owner"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("version"));
        assertThat(statuses()).containsExactly("1.0 ACTIVE", "2.0 CANDIDATE");
    }

    private List<String> statuses() {
        return registry.modelVersions(systemId).stream().map(v -> v.version() + " " + v.status()).toList();
    }

    private JsonNode modelVersionChanges() {
        Api.Response page = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=model_version_changed");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("events");
    }
}
