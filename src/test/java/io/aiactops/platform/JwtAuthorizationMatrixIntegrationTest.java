package io.aiactops.platform;

import static io.aiactops.platform.AuthorizationMatrixIntegrationTest.ADMIN;
import static io.aiactops.platform.AuthorizationMatrixIntegrationTest.AUDITOR;
import static io.aiactops.platform.AuthorizationMatrixIntegrationTest.INCIDENT_MANAGER;
import static io.aiactops.platform.AuthorizationMatrixIntegrationTest.INGEST;
import static io.aiactops.platform.AuthorizationMatrixIntegrationTest.OVERSEER;
import static io.aiactops.platform.AuthorizationMatrixIntegrationTest.PROCESS_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.aiactops.support.Api;
import io.aiactops.support.SingleSignOnRun;
import io.aiactops.support.TestOidcProvider;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link AuthorizationMatrixIntegrationTest}'s matrix again, every caller holding a JWT access token of
 * the provider under single sign-on: people's from its login page (authorization code with PKCE), the
 * ingest client's by client credentials. Their groups come only from the token's claim, mapped by
 * configuration; none of them is in Camunda's identity tables.
 */
class JwtAuthorizationMatrixIntegrationTest {

    /** A documentation snapshot is taken when a release is activated, which this run does not do. */
    private static final String NO_SNAPSHOT = "documentationSnapshot";

    @TestFactory
    Stream<DynamicTest> eachEndpointAllowsExactlyTheGroupsMappedFromTheToken() {
        SingleSignOnRun run = SingleSignOnRun.shared();
        TestOidcProvider provider = run.provider();
        Api api = run.api();
        Map<String, Api> callers = Map.of(
                ADMIN, api.withToken(provider.personToken(TestOidcProvider.ADMIN)),
                OVERSEER, api.withToken(provider.personToken(TestOidcProvider.OVERSEER)),
                INCIDENT_MANAGER, api.withToken(provider.personToken(TestOidcProvider.INCIDENT_MANAGER)),
                PROCESS_OWNER, api.withToken(provider.personToken(TestOidcProvider.PROCESS_OWNER)),
                AUDITOR, api.withToken(provider.personToken(TestOidcProvider.AUDITOR)),
                INGEST, api.withToken(provider.clientCredentialsToken(TestOidcProvider.INGEST_CLIENT)));
        String systemId = TestSystems.uniqueId("authz-jwt");
        Api.Response registered = callers.get(PROCESS_OWNER).post("/api/systems", TestSystems.registration(systemId));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String incidentId = AuthorizationMatrixIntegrationTest.reportIncident(callers.get(INCIDENT_MANAGER), systemId);
        Api.Response requested = callers.get(PROCESS_OWNER).post("/api/systems/" + systemId + "/corrective-actions",
                Map.of("reason", "Authorization matrix request with a provider token"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);

        return AuthorizationMatrixIntegrationTest.eachEndpoint(Map.of("system", systemId, "incident", incidentId,
                        "correctiveAction", requested.json().get("id").asText(), NO_SNAPSHOT, String.valueOf(Long.MAX_VALUE)),
                Set.of(NO_SNAPSHOT), callers, api);
    }
}
