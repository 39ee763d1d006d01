package io.aiactops.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegistryIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.anonymous(port);
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        Api.Response response = api.post("/api/systems", TestSystems.registration(TestSystems.uniqueId("anon")));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void auditorsMayReadButNotRegister() {
        String id = TestSystems.uniqueId("audited");

        Api.Response response = api.as("auditor").post("/api/systems", TestSystems.registration(id));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(stored(id)).isZero();
        assertThat(api.as("auditor").get("/api/systems").status()).isEqualTo(200);
    }

    @Test
    void processOwnerRegistersASystemThatPeopleCanRead() {
        String id = TestSystems.uniqueId("scoring");

        Api.Response created = api.as("process-owner").post("/api/systems", TestSystems.registration(id));

        assertThat(created.status()).isEqualTo(201);
        var read = api.as("overseer").get("/api/systems/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Loan scoring " + id);
        assertThat(read.json().get("memberStates")).hasSize(2);
        assertThat(read.json().get("deployers").get(1).get("email").asText()).isEqualTo("ops@bank-b.example");
        assertThat(read.json().get("logRetentionDays").asInt()).isEqualTo(365);
        assertThat(read.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(read.json().get("sectoralRegime").asBoolean()).isFalse();
        assertThat(read.json().get("createdBy").asText()).isEqualTo("process-owner");
        assertThat(api.as("auditor").get("/api/systems").json().findValuesAsText("id")).contains(id);
        assertThat(api.as("ingest").get("/api/systems").status()).as("machine clients do not read the registry")
                .isEqualTo(403);
    }

    @Test
    void retentionOfThirtyDaysIsRejectedNamingTheFieldAndNothingIsStored() {
        String id = TestSystems.uniqueId("short");
        Map<String, Object> body = TestSystems.registration(id);
        body.put("logRetentionDays", 30);

        Api.Response response = api.as("process-owner").post("/api/systems", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo("logRetentionDays");
        assertThat(stored(id)).isZero();
    }

    @Test
    void missingNameIsRejectedNamingTheFieldAndNothingIsStored() {
        String id = TestSystems.uniqueId("nameless");
        Map<String, Object> body = TestSystems.registration(id);
        body.remove("name");

        Api.Response response = api.as("process-owner").post("/api/systems", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("name");
        assertThat(stored(id)).isZero();
    }

    @Test
    void badMemberStatesDeployersAndTypesAreNamed() {
        String id = TestSystems.uniqueId("bad");
        Map<String, Object> unknownState = TestSystems.registration(id);
        unknownState.put("memberStates", List.of("FR", "US"));
        Map<String, Object> badEmail = TestSystems.registration(id);
        badEmail.put("deployers", List.of(Map.of("name", "Bank", "email", "not-an-email")));
        Map<String, Object> wrongType = TestSystems.registration(id);
        wrongType.put("logRetentionDays", "a year");
        Map<String, Object> unknownField = TestSystems.registration(id);
        unknownField.put("retention", 365);

        assertThat(api.as("process-owner").post("/api/systems", unknownState).json().get("field").asText())
                .isEqualTo("memberStates[1]");
        assertThat(api.as("process-owner").post("/api/systems", badEmail).json().get("field").asText())
                .isEqualTo("deployers[0].email");
        assertThat(api.as("process-owner").post("/api/systems", wrongType).json().get("field").asText())
                .isEqualTo("logRetentionDays");
        assertThat(api.as("process-owner").post("/api/systems", unknownField).json().get("field").asText())
                .isEqualTo("retention");
        assertThat(api.as("process-owner").send("POST", "/api/systems", "application/json", "{\"id\": ").status())
                .isEqualTo(400);
        assertThat(stored(id)).isZero();
    }

    @Test
    void registeringTheSameIdTwiceConflicts() {
        String id = TestSystems.register(api, "twice");

        Api.Response again = api.as("process-owner").post("/api/systems", TestSystems.registration(id));

        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndRejectsInvalidChangesWhole() {
        String id = TestSystems.register(api, "patched");

        Api.Response changed = api.as("process-owner").patch("/api/systems/" + id,
                Map.of("logRetentionDays", 730, "euDatabaseId", "EU-DB-0042"));
        Api.Response invalid = api.as("process-owner").patch("/api/systems/" + id,
                Map.of("name", "Renamed", "logRetentionDays", 30));
        Api.Response statusChange = api.as("process-owner").patch("/api/systems/" + id, Map.of("status", "WITHDRAWN"));
        Api.Response byOverseer = api.as("overseer").patch("/api/systems/" + id, Map.of("name", "Nope"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("field").asText()).isEqualTo("logRetentionDays");
        assertThat(statusChange.status()).isEqualTo(400);
        assertThat(statusChange.json().get("field").asText()).isEqualTo("status");
        assertThat(byOverseer.status()).isEqualTo(403);
        var read = api.as("auditor").get("/api/systems/" + id).json();
        assertThat(read.get("logRetentionDays").asInt()).isEqualTo(730);
        assertThat(read.get("euDatabaseId").asText()).isEqualTo("EU-DB-0042");
        assertThat(read.get("name").asText()).isEqualTo("Loan scoring " + id);
        assertThat(read.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void unknownSystemsAreNotFound() {
        assertThat(api.as("auditor").get("/api/systems/no-such-system").status()).isEqualTo(404);
        assertThat(api.as("auditor").get("/api/systems/no-such-system/model-versions").status()).isEqualTo(404);
        assertThat(api.as("process-owner").patch("/api/systems/no-such-system", Map.of("name", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void theDemoSystemRunsOneActiveVersionInFranceAndGermany() {
        var system = api.as("auditor").get("/api/systems/demo-credit-scoring").json();
        var versions = api.as("auditor").get("/api/systems/demo-credit-scoring/model-versions").json();

        assertThat(system.get("annexIIICategory").asText()).isEqualTo("5(b)");
        assertThat(system.get("memberStates").toString()).isEqualTo("[\"DE\",\"FR\"]");
        assertThat(system.get("deployers")).hasSize(2);
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("version").asText()).isEqualTo("1.0.0");
        assertThat(versions.get(0).get("status").asText()).isEqualTo("ACTIVE");
        // In service before the seeded history and the guides' examples (a KServe event of 2026-11-25 is 1.0.0's).
        assertThat(versions.get(0).get("statusChangedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    private int stored(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM ai_system WHERE id = ?").param(id).query(Integer.class).single();
    }
}
