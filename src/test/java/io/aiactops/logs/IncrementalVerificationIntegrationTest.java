package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET .../logs/verify?fromCheckpoint=latest}: only what was appended since a trusted checkpoint. */
@IntegrationTest
class IncrementalVerificationIntegrationTest {

    private static final String FIVE_EVENTS = "[{\"type\":\"custom\",\"payload\":{\"n\":1}},{\"type\":\"custom\",\"payload\":{\"n\":2}},"
            + "{\"type\":\"custom\",\"payload\":{\"n\":3}},{\"type\":\"custom\",\"payload\":{\"n\":4}},"
            + "{\"type\":\"custom\",\"payload\":{\"n\":5}}]";

    @LocalServerPort
    int port;
    @Autowired
    Checkpointer checkpointer;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    Api api;
    String systemId;

    @BeforeEach
    void registerASystemWithACheckpoint() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "logs-incremental");
        ingest(FIVE_EVENTS); // seq 2..6 after the registration
        checkpointer.checkpoint();
    }

    @Test
    void checksOnlyTheEventsAppendedSinceTheNewestCheckpoint() {
        ingest("[{\"type\":\"custom\"},{\"type\":\"custom\"},{\"type\":\"custom\"}]");

        JsonNode incremental = verify("?fromCheckpoint=latest");
        assertThat(incremental.get("valid").asBoolean()).as(incremental.toString()).isTrue();
        assertThat(incremental.get("eventsChecked").asLong()).isEqualTo(3);
        assertThat(incremental.get("startedAfterSeq").asLong()).isEqualTo(6);
        assertThat(incremental.at("/fromCheckpoint/seq").asLong()).isEqualTo(6);
        assertThat(incremental.get("checkpointsSkipped").asInt()).isZero();
        assertThat(incremental.get("headSeq").asLong()).isEqualTo(9);

        JsonNode full = verify("");
        assertThat(full.get("valid").asBoolean()).isTrue();
        assertThat(full.get("eventsChecked").asLong()).isEqualTo(9);
        assertThat(full.get("startedAfterSeq").asLong()).isZero();
        assertThat(full.get("fromCheckpoint").isNull()).isTrue();
        assertThat(full.get("headHash").asText()).isEqualTo(incremental.get("headHash").asText());

        checkpointer.checkpoint();
        JsonNode nothingNew = verify("?fromCheckpoint=latest");
        assertThat(nothingNew.get("valid").asBoolean()).isTrue();
        assertThat(nothingNew.get("eventsChecked").asLong()).isZero();
        assertThat(nothingNew.get("startedAfterSeq").asLong()).isEqualTo(9);
    }

    @Test
    void findsAnEventAlteredAfterTheCheckpoint() throws SQLException {
        ingest("[{\"type\":\"custom\",\"payload\":{\"n\":7}},{\"type\":\"custom\",\"payload\":{\"n\":8}}]");
        asSuperuser("UPDATE log_event SET payload = '{\"n\": 666}' WHERE system_id = '%s' AND seq = 8");

        JsonNode incremental = verify("?fromCheckpoint=latest");
        assertThat(incremental.get("valid").asBoolean()).isFalse();
        assertThat(incremental.get("firstInvalidSeq").asLong()).isEqualTo(8);
        assertThat(incremental.get("reason").asText()).contains("altered");
        assertThat(incremental.get("startedAfterSeq").asLong()).isEqualTo(6);
    }

    @Test
    void aCheckpointThatNoLongerMatchesIsNotTrustedAndTheOlderOneFindsTheBreak() throws SQLException {
        ingest(FIVE_EVENTS); // seq 7..11
        checkpointer.checkpoint(); // at 11
        ingest("[{\"type\":\"custom\"}]");
        // The event the newest checkpoint recorded is rewritten, hash column included.
        asSuperuser("UPDATE log_event SET hash = repeat('a', 64) WHERE system_id = '%s' AND seq = 11");

        JsonNode incremental = verify("?fromCheckpoint=latest");
        assertThat(incremental.get("valid").asBoolean()).as(incremental.toString()).isFalse();
        assertThat(incremental.get("checkpointsSkipped").asInt()).isEqualTo(1);
        assertThat(incremental.get("startedAfterSeq").asLong()).isEqualTo(6);
        assertThat(incremental.get("firstInvalidSeq").asLong()).isEqualTo(11);
        assertThat(incremental.get("eventsChecked").asLong()).isEqualTo(4); // 7..10 were fine
        assertThat(verify("").get("firstInvalidSeq").asLong()).isEqualTo(11);
    }

    @Test
    void withoutAMatchingCheckpointItVerifiesFromTheAnchor() throws SQLException {
        asSuperuser("UPDATE log_event SET hash = repeat('b', 64) WHERE system_id = '%s' AND seq = 6");

        JsonNode incremental = verify("?fromCheckpoint=latest");
        assertThat(incremental.get("valid").asBoolean()).isFalse();
        assertThat(incremental.get("startedAfterSeq").asLong()).isZero();
        assertThat(incremental.get("fromCheckpoint").isNull()).isTrue();
        assertThat(incremental.get("checkpointsSkipped").asInt()).isEqualTo(1);
        assertThat(incremental.get("firstInvalidSeq").asLong()).isEqualTo(6);
    }

    @Test
    void anUnknownStartIsRefusedNamingTheParameter() {
        Api.Response refused = api.as("auditor").get("/api/systems/" + systemId + "/logs/verify?fromCheckpoint=first");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("fromCheckpoint");
        assertThat(api.as("ingest").get("/api/systems/" + systemId + "/logs/verify?fromCheckpoint=latest").status())
                .isEqualTo(403);
    }

    private JsonNode verify(String query) {
        Api.Response response = api.as("auditor").get("/api/systems/" + systemId + "/logs/verify" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void ingest(String body) {
        Api.Response response = api.as("ingest").send("POST", "/api/systems/" + systemId + "/logs", "application/json", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private void asSuperuser(String sql) throws SQLException {
        Tampering.asSuperuser(databaseUrl, sql.formatted(systemId));
    }
}
