package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import io.aiactops.documentation.TechnicalDocumentation;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every /api endpoint called by every demo user and anonymously, against the policy of
 * docs/architecture.md, docs/integrations.md and docs/log-register.md written out here by hand
 * (not read from ApiAccess, which is what is under test). Each request is authorized but harmless:
 * a read, or a write that fails validation or names something that does not exist. A new endpoint
 * fails {@link #everyApiEndpointIsInTheMatrix()} until it is added to the matrix.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTest {

    static final String ADMIN = "admin";
    static final String OVERSEER = "overseer";
    static final String INCIDENT_MANAGER = "incident-manager";
    static final String PROCESS_OWNER = "process-owner";
    static final String AUDITOR = "auditor";
    static final String INGEST = "ingest";
    static final List<String> USERS = List.of(ADMIN, OVERSEER, INCIDENT_MANAGER, PROCESS_OWNER, AUDITOR, INGEST);

    /** Endpoints without a login, authenticated by a signature of the request: 401 for everyone who does not sign. */
    static final Set<String> SIGNED = Set.of("POST /api/integrations/mlflow");

    /** The matrix. {@code {system}} is a fresh system of this test, {@code {missing}} a random id that exists nowhere. */
    static final List<Endpoint> MATRIX = List.of(
            // Registry: anyone logged in reads it; only process owners register and change systems.
            new Endpoint("GET", "/api/systems", "/api/systems", null, people()),
            new Endpoint("POST", "/api/systems", "/api/systems", "{}", adminAnd(PROCESS_OWNER)),
            new Endpoint("GET", "/api/systems/{id}", "/api/systems/{system}", null, people()),
            new Endpoint("PATCH", "/api/systems/{id}", "/api/systems/{system}", "{\"id\":\"another-id\"}",
                    adminAnd(PROCESS_OWNER)),
            new Endpoint("GET", "/api/systems/{id}/model-versions", "/api/systems/{system}/model-versions", null,
                    people()),
            // Deployment gate: process owners request releases; MLflow signs its webhooks instead of logging in.
            new Endpoint("POST", "/api/systems/{id}/model-versions", "/api/systems/{system}/model-versions", "{}",
                    adminAnd(PROCESS_OWNER)),
            new Endpoint("POST", "/api/integrations/mlflow", "/api/integrations/mlflow", "{}", Set.of()),
            // Monitoring: machine clients send signals and Alertmanager notifications.
            new Endpoint("POST", "/api/systems/{id}/signals", "/api/systems/{system}/signals", "{}", adminAnd(INGEST)),
            new Endpoint("POST", "/api/systems/{id}/integrations/evidently", "/api/systems/{system}/integrations/evidently",
                    "{}", adminAnd(INGEST)),
            // Serving: the serving stack's CloudEvents (KServe's inference logger) into the register.
            new Endpoint("POST", "/api/systems/{id}/cloudevents", "/api/systems/{system}/cloudevents", "{}",
                    adminAnd(INGEST)),
            new Endpoint("POST", "/api/integrations/alertmanager", "/api/integrations/alertmanager", "{}",
                    adminAnd(INGEST)),
            // Charts: people read a metric's recorded values; machine clients only send them.
            new Endpoint("GET", "/api/systems/{id}/metrics/{metric}/series", "/api/systems/{system}/metrics/accuracy/series",
                    null, people()),
            new Endpoint("GET", "/api/systems/{id}/metrics/{metric}/chart.svg",
                    "/api/systems/{system}/metrics/accuracy/chart.svg", null, people()),
            // Oversight: every role reads the operational status (ingest: the serving layer polls it); overseers
            // and process owners stop a system; ingest and process owners confirm its safe state.
            new Endpoint("GET", "/api/systems/{id}/operational-status", "/api/systems/{system}/operational-status",
                    null, everyone()),
            new Endpoint("POST", "/api/systems/{id}/stop", "/api/systems/{system}/stop", "{}",
                    adminAnd(OVERSEER, PROCESS_OWNER)),
            new Endpoint("POST", "/api/systems/{id}/operational-status/confirmations",
                    "/api/systems/{system}/operational-status/confirmations", "{\"unexpected\":true}",
                    adminAnd(INGEST, PROCESS_OWNER)),
            // Log register: ingest and process owners append; auditors, process owners and incident managers
            // read, export and verify; only process owners purge.
            new Endpoint("POST", "/api/systems/{id}/logs", "/api/systems/{system}/logs", "{}",
                    adminAnd(INGEST, PROCESS_OWNER)),
            new Endpoint("GET", "/api/systems/{id}/logs", "/api/systems/{system}/logs", null,
                    adminAnd(AUDITOR, PROCESS_OWNER, INCIDENT_MANAGER)),
            new Endpoint("GET", "/api/systems/{id}/logs/export", "/api/systems/{system}/logs/export", null,
                    adminAnd(AUDITOR, PROCESS_OWNER, INCIDENT_MANAGER)),
            new Endpoint("GET", "/api/systems/{id}/logs/verify", "/api/systems/{system}/logs/verify", null,
                    adminAnd(AUDITOR, PROCESS_OWNER, INCIDENT_MANAGER)),
            new Endpoint("GET", "/api/systems/{id}/logs/checkpoints", "/api/systems/{system}/logs/checkpoints", null,
                    adminAnd(AUDITOR, PROCESS_OWNER, INCIDENT_MANAGER)),
            new Endpoint("POST", "/api/systems/{id}/logs/purge", "/api/systems/{missing}/logs/purge", null,
                    adminAnd(PROCESS_OWNER)),
            // Evidence holds: incident managers and process owners place and release; readers and overseers list.
            new Endpoint("POST", "/api/systems/{id}/holds", "/api/systems/{system}/holds", "{}",
                    adminAnd(INCIDENT_MANAGER, PROCESS_OWNER)),
            new Endpoint("POST", "/api/systems/{id}/holds/{holdId}/release",
                    "/api/systems/{system}/holds/9223372036854775807/release", "{}",
                    adminAnd(INCIDENT_MANAGER, PROCESS_OWNER)),
            new Endpoint("GET", "/api/systems/{id}/holds", "/api/systems/{system}/holds", null,
                    adminAnd(AUDITOR, PROCESS_OWNER, INCIDENT_MANAGER, OVERSEER)),
            // Incidents: incident managers, overseers and deployers' clients report; people follow the cases.
            new Endpoint("POST", "/api/incidents", "/api/incidents", "{}", adminAnd(INCIDENT_MANAGER, OVERSEER)),
            new Endpoint("GET", "/api/incidents", "/api/incidents?status=open", null,
                    adminAnd(INCIDENT_MANAGER, OVERSEER, AUDITOR, PROCESS_OWNER)),
            new Endpoint("GET", "/api/incidents/{id}", "/api/incidents/{incident}", null,
                    adminAnd(INCIDENT_MANAGER, OVERSEER, AUDITOR, PROCESS_OWNER)),
            new Endpoint("POST", "/api/incidents/{id}/regimes", "/api/incidents/{incident}/regimes", "{}",
                    adminAnd(INCIDENT_MANAGER)),
            new Endpoint("POST", "/api/incidents/{id}/regimes/{regime}/waiver", "/api/incidents/{incident}/regimes/gdpr/waiver",
                    "{}", adminAnd(INCIDENT_MANAGER)),
            // Corrective actions: process owners and incident managers request; people read.
            new Endpoint("POST", "/api/systems/{id}/corrective-actions", "/api/systems/{system}/corrective-actions", "{}",
                    adminAnd(PROCESS_OWNER, INCIDENT_MANAGER)),
            new Endpoint("GET", "/api/systems/{id}/corrective-actions", "/api/systems/{system}/corrective-actions", null,
                    people()),
            new Endpoint("GET", "/api/corrective-actions/{actionId}", "/api/corrective-actions/{correctiveAction}", null,
                    people()),
            // Post-market monitoring plan: process owners write it; people read it.
            new Endpoint("PUT", "/api/systems/{id}/monitoring-plan", "/api/systems/{system}/monitoring-plan", "{}",
                    adminAnd(PROCESS_OWNER)),
            new Endpoint("GET", "/api/systems/{id}/monitoring-plan", "/api/systems/{system}/monitoring-plan", null, people()),
            // Post-market reviews: process owners request one on demand; people read them.
            // (an empty body is a valid request: start a review of the last period; the matrix sends a bad one)
            new Endpoint("POST", "/api/systems/{id}/post-market-reports", "/api/systems/{system}/post-market-reports",
                    "{\"from\": \"last month\"}", adminAnd(PROCESS_OWNER)),
            new Endpoint("GET", "/api/systems/{id}/post-market-reports", "/api/systems/{system}/post-market-reports", null,
                    people()),
            // Instructions for use: process owners publish; people read; process owners (and deployers' clients)
            // record acknowledgements.
            new Endpoint("POST", "/api/systems/{id}/instructions", "/api/systems/{system}/instructions", "{}",
                    adminAnd(PROCESS_OWNER)),
            new Endpoint("GET", "/api/systems/{id}/instructions", "/api/systems/{system}/instructions", null, people()),
            new Endpoint("POST", "/api/systems/{id}/instructions/{version}/acknowledgements",
                    "/api/systems/{system}/instructions/1/acknowledgements", "{}", adminAnd(PROCESS_OWNER)),
            // Technical documentation: people read it and its snapshots.
            new Endpoint("GET", "/api/systems/{id}/documentation", "/api/systems/{system}/documentation", null, people()),
            new Endpoint("GET", "/api/systems/{id}/documentation/snapshots", "/api/systems/{system}/documentation/snapshots",
                    null, people()),
            new Endpoint("GET", "/api/systems/{id}/documentation/snapshots/{snapshotId}",
                    "/api/systems/{system}/documentation/snapshots/{documentationSnapshot}", null, people()),
            // API tokens: every user manages their own (the controller keeps others' tokens to administrators).
            new Endpoint("GET", "/api/tokens", "/api/tokens", null, everyone()),
            new Endpoint("POST", "/api/tokens", "/api/tokens", "{}", everyone()),
            new Endpoint("DELETE", "/api/tokens/{id}", "/api/tokens/{missing}", null, everyone()));

    /**
     * One row: the mapping as Spring MVC declares it, the request actually sent, and who may send it.
     * A GET must succeed for the allowed users; any other method must be refused with a 4xx other
     * than 401/403 (validation, not found, conflict), which proves it reached the controller and changed nothing.
     */
    record Endpoint(String method, String template, String path, String body, Set<String> allowed) {

        String key() {
            return method + " " + template;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TechnicalDocumentation documentation;

    @Test
    void everyApiEndpointIsInTheMatrix() {
        Set<String> declared = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> {
                    assertThat(info.getMethodsCondition().getMethods()).as("an /api mapping without a method: " + p)
                            .isNotEmpty();
                    info.getMethodsCondition().getMethods().forEach(m -> declared.add(m.name() + " " + p));
                }));
        Set<String> inMatrix = new TreeSet<>(MATRIX.stream().map(Endpoint::key).toList());

        assertThat(declared).as("endpoints of the application").isNotEmpty();
        assertThat(inMatrix).as("the authorization matrix: add every new /api endpoint to MATRIX")
                .containsExactlyElementsOf(declared);
    }

    @TestFactory
    Stream<DynamicTest> eachEndpointAllowsExactlyItsRoles() {
        Api api = Api.anonymous(port);
        String systemId = TestSystems.register(api, "authz");
        String incidentId = reportIncident(api.as(INCIDENT_MANAGER), systemId);
        Api.Response requested = api.as(PROCESS_OWNER).post("/api/systems/" + systemId + "/corrective-actions",
                Map.of("reason", "Authorization matrix request"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String correctiveActionId = requested.json().get("id").asText();
        long documentationSnapshot = documentation.snapshot(systemId, "authorization matrix").id();
        Map<String, String> fixtures = Map.of("system", systemId, "incident", incidentId,
                "correctiveAction", correctiveActionId, "documentationSnapshot", String.valueOf(documentationSnapshot));
        Map<String, Api> callers = new LinkedHashMap<>();
        USERS.forEach(user -> callers.put(user, api.as(user)));
        return eachEndpoint(fixtures, Set.of(), callers, api);
    }

    /**
     * One dynamic test per row: its request sent by each caller (one per {@link #USERS}, as that user
     * authenticates) and anonymously. {@code fixtures} fill the row's placeholders; a row that names one
     * of {@code absentFixtures}, which exist nowhere, reaches the controller with a 404 instead of a 2xx.
     */
    static Stream<DynamicTest> eachEndpoint(Map<String, String> fixtures, Set<String> absentFixtures,
            Map<String, Api> callers, Api anonymous) {
        assertThat(callers.keySet()).as("a caller for every user of the matrix").containsExactlyInAnyOrderElementsOf(USERS);
        return MATRIX.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.key() + " " + new TreeSet<>(endpoint.allowed()), () -> {
            String path = endpoint.path().replace("{missing}", "authz-missing-" + UUID.randomUUID());
            for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
                path = path.replace("{" + fixture.getKey() + "}", fixture.getValue());
            }
            boolean absent = absentFixtures.stream().anyMatch(f -> endpoint.path().contains("{" + f + "}"));
            SoftAssertions softly = new SoftAssertions();
            for (Map.Entry<String, Api> caller : callers.entrySet()) {
                String user = caller.getKey();
                Api.Response response = send(caller.getValue(), endpoint, path);
                String what = user + " " + endpoint.method() + " " + path + " -> " + response;
                if (SIGNED.contains(endpoint.key())) {
                    softly.assertThat(response.status()).as(what + " (unsigned)").isEqualTo(401);
                    softly.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                } else if (!endpoint.allowed().contains(user)) {
                    softly.assertThat(response.status()).as(what).isEqualTo(403);
                    softly.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                } else if (endpoint.method().equals("GET") && absent) {
                    softly.assertThat(response.status()).as(what + " (names nothing that exists)").isEqualTo(404);
                } else if (endpoint.method().equals("GET")) {
                    softly.assertThat(response.status()).as(what).isBetween(200, 299);
                } else {
                    softly.assertThat(response.status()).as(what).isBetween(400, 499).isNotIn(401, 403);
                }
            }
            Api.Response unauthenticated = send(anonymous, endpoint, path);
            softly.assertThat(unauthenticated.status()).as("anonymous " + path + " -> " + unauthenticated).isEqualTo(401);
            softly.assertThat(unauthenticated.contentType()).as("anonymous").startsWith("application/problem+json");
            softly.assertAll();
        }));
    }

    static String reportIncident(Api reporter, String systemId) {
        Api.Response created = reporter.post("/api/incidents", Map.of("aiSystemId", systemId,
                "description", "Authorization matrix case", "occurredAt", Instant.now().minusSeconds(60).toString(),
                "reporter", "matrix", "reporterContact", "matrix@example.org", "memberStates", List.of("FR"),
                "personsAffected", 0));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void onlyTheCandidateGroupCompletesAReviewAndAuditorsStartNothing() {
        Api api = Api.anonymous(port);
        String systemId = TestSystems.register(api, "authz-task");
        Api.Response breach = api.as(INGEST).post("/api/systems/" + systemId + "/signals", Map.of("metric", "accuracy",
                "category", "performance", "value", 0.5, "observedAt", Instant.now().toString()));
        assertThat(breach.status()).as(breach.body()).isEqualTo(202);
        String reviewId = breach.json().get("breaches").get(0).get("reviewId").asText();
        Api.Response tasks = api.as(ADMIN).get("/engine-rest/task?processInstanceId=" + reviewId);
        assertThat(tasks.json()).as(tasks.body()).hasSize(1);
        String taskId = tasks.json().get(0).get("id").asText();
        String complete = "/engine-rest/task/" + taskId + "/complete";
        Map<String, Object> noVariables = Map.of("variables", Map.of());

        // A review belongs to the overseers: other groups cannot complete it, not even by reading it
        assertThat(api.as(OVERSEER).get("/engine-rest/task/" + taskId).status()).isEqualTo(200);
        assertThat(api.as(INCIDENT_MANAGER).post(complete, noVariables).status()).isEqualTo(403);
        assertThat(api.as(AUDITOR).post(complete, noVariables).status()).isEqualTo(403);
        assertThat(api.as(INGEST).post(complete, noVariables).status()).isEqualTo(403);
        assertThat(api.post(complete, noVariables).status()).isEqualTo(401);
        // An overseer may, but not without a decision: a refusal is a 400 with its reason, not a 500
        Api.Response refused = api.as(OVERSEER).post(complete, noVariables);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).startsWith("Choose a decision");
        assertThat(api.as(ADMIN).get("/engine-rest/task/" + taskId).json().get("id").asText())
                .as("the task is still open").isEqualTo(taskId);

        // Auditors and machine clients start no process, e.g. no stop of a system
        Map<String, Object> stopOfNothing = Map.of("variables",
                Map.of("aiSystemId", Map.of("value", "authz-missing-" + UUID.randomUUID(), "type", "String")));
        String start = "/engine-rest/process-definition/key/system-stop/start";
        Api.Response byAuditor = api.as(AUDITOR).post(start, stopOfNothing);
        assertThat(byAuditor.status()).as(byAuditor.body()).isEqualTo(403);
        assertThat(byAuditor.json().get("type").asText()).isEqualTo("AuthorizationException");
        // Ingest may not even read process definitions, so to it the definition does not exist
        Api.Response byIngest = api.as(INGEST).post(start, stopOfNothing);
        assertThat(byIngest.status()).as(byIngest.body()).isEqualTo(404);
        assertThat(api.post(start, stopOfNothing).status()).isEqualTo(401);
    }

    @Test
    void aTokenActsAsItsUserIsStoredHashedAndStopsAtOnceWhenRevoked() throws Exception {
        Api api = Api.anonymous(port);
        Api.Response issued = api.as(INGEST).post("/api/tokens", Map.of("name", "authorization matrix"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String secret = issued.json().get("secret").asText();
        String id = issued.json().get("id").asText();
        String statusPath = "/api/systems/" + TestSystems.register(api, "authz-token") + "/operational-status";

        assertThat(api.withToken(secret).get(statusPath).status()).isEqualTo(200);
        assertThat(api.withToken(secret).post("/api/systems", Map.of()).status())
                .as("the token has the groups of ingest, no more").isEqualTo(403);

        Map<String, Object> row = jdbc.sql("SELECT * FROM api_token WHERE id = ?").param(id).query().singleRow();
        String sha256 = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(row.values()).extracting(String::valueOf).noneMatch(v -> v.contains(secret))
                .noneMatch(v -> v.contains(secret.substring("aiact_".length())));
        assertThat(row.get("token_hash")).isEqualTo(sha256);

        assertThat(api.as(INGEST).delete("/api/tokens/" + id).status()).isEqualTo(204);
        Api.Response revoked = api.withToken(secret).get(statusPath);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(401);
    }

    private static Api.Response send(Api api, Endpoint endpoint, String path) {
        String contentType = endpoint.body() == null ? null
                : endpoint.method().equals("PATCH") ? "application/merge-patch+json" : "application/json";
        return api.send(endpoint.method(), path, contentType, endpoint.body());
    }

    private static Set<String> everyone() {
        return Set.copyOf(USERS);
    }

    /** People, not the machine client: the registry holds deployers' contacts. */
    private static Set<String> people() {
        return adminAnd(OVERSEER, INCIDENT_MANAGER, PROCESS_OWNER, AUDITOR);
    }

    /** Administrators may make every call. */
    private static Set<String> adminAnd(String... users) {
        Set<String> allowed = new LinkedHashSet<>(List.of(users));
        allowed.add(ADMIN);
        return Set.copyOf(allowed);
    }
}
