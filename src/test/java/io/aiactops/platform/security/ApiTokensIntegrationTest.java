package io.aiactops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.aiactops.platform.Sha256;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApiTokensIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMachineClientUsesAHashedTokenThatStopsWorkingWhenRevoked() {
        Api api = Api.anonymous(port);
        Api.Response issued = api.as("ingest").post("/api/tokens", Map.of("name", "model server"));
        String token = issued.json().get("secret").asText();
        String id = issued.json().get("id").asText();

        assertThat(issued.status()).isEqualTo(201);
        assertThat(token).startsWith("aiact_");
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(Sha256.of(token))
                .doesNotContain(token);
        assertThat(api.withToken(token).get("/api/systems/demo-credit-scoring/operational-status").status())
                .isEqualTo(200);
        assertThat(api.withToken(token).post("/api/systems", Map.of()).status())
                .as("the token carries the user's groups, not more").isEqualTo(403);

        assertThat(api.as("ingest").delete("/api/tokens/" + id).status()).isEqualTo(204);

        assertThat(api.withToken(token).get("/api/systems/demo-credit-scoring/operational-status").status())
                .isEqualTo(401);
        assertThat(api.as("ingest").get("/api/tokens").json()).filteredOn(t -> t.get("id").asText().equals(id))
                .singleElement().satisfies(t -> assertThat(t.get("revokedBy").asText()).isEqualTo("ingest"));
    }

    @Test
    void onlyAdministratorsIssueOrRevokeTokensForOthers() {
        Api api = Api.anonymous(port);

        assertThat(api.as("overseer").post("/api/tokens", Map.of("name", "x", "userId", "ingest")).status()).isEqualTo(403);
        Api.Response byAdmin = api.as("admin").post("/api/tokens", Map.of("name", "for ingest", "userId", "ingest"));
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(api.as("overseer").delete("/api/tokens/" + byAdmin.json().get("id").asText()).status()).isEqualTo(403);
        assertThat(api.as("admin").post("/api/tokens", Map.of("name", "x", "userId", "nobody")).json().get("field").asText())
                .isEqualTo("userId");
        assertThat(api.withToken("aiact_forged").get("/api/systems").status()).isEqualTo(401);
    }
}
