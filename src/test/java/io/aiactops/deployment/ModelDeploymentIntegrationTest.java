package io.aiactops.deployment;

import io.aiactops.support.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.Roles;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.IntegrationTestDatabase;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deployment gate end to end on PostgreSQL and GreenMail: MLflow webhooks verified and
 * deduplicated, a release requested through the API, four eyes enforced through /engine-rest, the
 * approved version activated with the deployers mailed and the documentation marked for regeneration.
 */
@IntegrationTest
class ModelDeploymentIntegrationTest {

    /** The demo profile's secret (application-default.yml). */
    private static final String SECRET = "demo-mlflow-webhook-secret";
    private static final String SHA256_1 = "1".repeat(64);
    private static final String SHA256_2 = "2".repeat(64);

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.anonymous(port);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void aSignedAliasDeliveryStartsExactlyOneGateEvenWhenSentTwice() throws Exception {
        mlflowSystem();
        String version = String.valueOf(1000 + (int) (Math.random() * 1_000_000));
        Api.Response created = deliver(UUID.randomUUID().toString(), Instant.now(), """
                {"entity": "model_version", "action": "created", "timestamp": "2026-11-25T09:00:00Z",
                 "data": {"name": "%s", "version": "%s", "source": "models:/m-abc/%s", "run_id": "r1",
                          "tags": {"sha256": "%s"}, "description": "retrained"}}""".formatted(
                IntegrationTestDatabase.MLFLOW_MODEL, version, version, SHA256_2));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("outcome").asText()).isEqualTo("CANDIDATE_REGISTERED");

        String deliveryId = UUID.randomUUID().toString();
        String alias = """
                {"entity": "model_version_alias", "action": "created", "timestamp": "2026-11-25T09:05:00Z",
                 "data": {"name": "%s", "alias": "production", "version": "%s"}}""".formatted(
                IntegrationTestDatabase.MLFLOW_MODEL, version);
        Api.Response first = deliver(deliveryId, Instant.now(), alias);
        Api.Response again = deliver(deliveryId, Instant.now(), alias);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("outcome").asText()).isEqualTo("GATE_STARTED");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("DUPLICATE");
        String businessKey = IntegrationTestDatabase.MLFLOW_SYSTEM + ":" + version;
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ModelDeploymentProcess.KEY)
                .processInstanceBusinessKey(businessKey).count()).isEqualTo(1);
        // MLflow supplied only the artifact's digest: the gate asks for the rest instead of stopping.
        Task completion = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(completion.getTaskDefinitionKey()).isEqualTo(ModelDeploymentProcess.TASK_COMPLETE_EVIDENCE);
        assertThat((String) taskService.getVariable(completion.getId(), "checkResult"))
                .contains("Missing: infrastructure sizing", "Missing: CI/CD run").doesNotContain("model artifact");

        Api.Response aliasOfUnknownVersion = deliver(UUID.randomUUID().toString(), Instant.now(),
                alias.replace("\"version\": \"" + version + "\"", "\"version\": \"999999999\""));
        assertThat(aliasOfUnknownVersion.status()).as(aliasOfUnknownVersion.body()).isEqualTo(404);
    }

    @Test
    void aBadSignatureOrAStaleDeliveryIs401AndStartsNothing() throws Exception {
        mlflowSystem();
        String version = String.valueOf(2_000_000 + (int) (Math.random() * 1_000_000));
        String body = """
                {"entity": "model_version", "action": "created", "timestamp": "2026-11-25T09:00:00Z",
                 "data": {"name": "%s", "version": "%s", "source": "models:/m/%s", "tags": {"sha256": "%s"}}}"""
                .formatted(IntegrationTestDatabase.MLFLOW_MODEL, version, version, SHA256_2);
        String deliveryId = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();

        Api.Response forged = send(deliveryId, String.valueOf(now), "v1," + sign(deliveryId, now, body.replace("models:/m/",
                "models:/evil/")), body);
        Api.Response wrongSecret = send(deliveryId, String.valueOf(now), "v1," + Base64.getEncoder().encodeToString(
                hmac("another-secret-of-some-length", deliveryId + "." + now + "." + body)), body);
        Api.Response unsigned = send(deliveryId, String.valueOf(now), null, body);
        Api.Response stale = deliver(deliveryId, Instant.now().minus(Duration.ofMinutes(30)), body);

        assertUnauthorized(forged, "X-MLflow-Signature");
        assertUnauthorized(wrongSecret, "X-MLflow-Signature");
        assertUnauthorized(unsigned, "X-MLflow-Signature");
        assertUnauthorized(stale, "X-MLflow-Timestamp");
        // A version registered by a genuine delivery, then the alias that would start its gate, signed with
        // another secret: no gate starts.
        String registered = String.valueOf(Integer.parseInt(version) + 1);
        Api.Response created = deliver(UUID.randomUUID().toString(), Instant.now(), body.replace(version, registered));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String alias = """
                {"entity": "model_version_alias", "action": "created", "timestamp": "2026-11-25T09:05:00Z",
                 "data": {"name": "%s", "alias": "production", "version": "%s"}}""".formatted(
                IntegrationTestDatabase.MLFLOW_MODEL, registered);
        String aliasDelivery = UUID.randomUUID().toString();
        assertUnauthorized(send(aliasDelivery, String.valueOf(now), "v1," + Base64.getEncoder().encodeToString(
                hmac("another-secret-of-some-length", aliasDelivery + "." + now + "." + alias)), alias), "X-MLflow-Signature");
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(IntegrationTestDatabase.MLFLOW_SYSTEM + ":" + registered).count()).isZero();
        assertThat(versions(IntegrationTestDatabase.MLFLOW_SYSTEM)).noneMatch(v -> v.startsWith(version + " "));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mlflow_delivery WHERE delivery_id = ?").param(deliveryId)
                .query(Long.class).single()).isZero();

        Api.Response unmapped = deliver(UUID.randomUUID().toString(), Instant.now(),
                body.replace(IntegrationTestDatabase.MLFLOW_MODEL, "nobody-knows-this-model"));
        assertThat(unmapped.status()).as(unmapped.body()).isEqualTo(422);
        assertThat(unmapped.json().get("field").asText()).isEqualTo("data.name");
    }

    @Test
    void anApprovedReleaseFlipsTheVersionsAtOnceMailsTheDeployersAndMarksTheDocumentation() throws Exception {
        String systemId = TestSystems.register(api, "release");
        Api.Response first = api.as("process-owner").post("/api/systems/" + systemId + "/model-versions",
                request("1.0", SHA256_1, "0.90"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // 1.0 is the system's first version: approve and activate it as the baseline.
        approve(systemId, "1.0", "anna");
        awaitVersions(systemId, List.of("1.0 ACTIVE"));

        Api.Response second = api.as("process-owner").post("/api/systems/" + systemId + "/model-versions",
                request("2.0", SHA256_2, "0.91"));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        Task review = task(systemId, "2.0");
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ModelDeploymentProcess.TASK_REVIEW_RELEASE);
        assertThat((String) taskService.getVariable(review.getId(), "metricDeltas")).contains("accuracy +0.01");

        // Four eyes through /engine-rest: the requester cannot approve, nor send another requester with the
        // completion (Camunda would set it before the check runs): the form shows it read-only.
        String complete = "/engine-rest/task/" + review.getId() + "/complete";
        Map<String, Object> go = Map.of("releaseDecision", Map.of("value", "go"), "decisionReason", Map.of("value", "mine"));
        Api.Response selfApproval = api.as("process-owner").post(complete, Map.of("variables", go));
        assertThat(selfApproval.status()).as("a refusal is a bad request, not an engine failure: " + selfApproval.body())
                .isEqualTo(400);
        assertThat(selfApproval.json().get("type").asText()).isEqualTo("TaskRefusal");
        assertThat(selfApproval.json().get("message").asText())
                .isEqualTo("You requested this release, so another process owner must decide it (four eyes)");
        Map<String, Object> forged = new HashMap<>(go);
        forged.put("requestedBy", Map.of("value", "anna"));
        Api.Response forgedApproval = api.as("process-owner").post(complete, Map.of("variables", forged));
        assertThat(forgedApproval.status()).as(forgedApproval.body()).isEqualTo(400);
        assertThat(forgedApproval.json().get("message").asText()).endsWith("'requestedBy' is shown read-only");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

        approve(systemId, "2.0", "anna");

        awaitVersions(systemId, List.of("1.0 RETIRED", "2.0 ACTIVE"));
        List<MimeMessage> mails = awaitMails("AI system " + systemId + ": model version 2.0 is in service");
        assertThat(mails.get(0).getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ops@bank-a.example", "ops@bank-b.example");
        // Each activation marked the documentation for regeneration, and the snapshot taken at once completed it.
        assertThat(jdbc.sql("SELECT model_version FROM documentation_regeneration WHERE system_id = ? AND completed_at IS NOT NULL ORDER BY id")
                .param(systemId).query(String.class).list()).containsExactly("1.0", "2.0");
        JsonNode snapshots = api.as("auditor").get("/api/systems/" + systemId + "/documentation/snapshots").json();
        assertThat(snapshots.findValuesAsText("reason")).containsExactly("model version 2.0 activated by anna",
                "model version 1.0 activated by anna");
        String documentation = api.as("auditor").get("/api/systems/" + systemId + "/documentation?format=markdown").body();
        assertThat(documentation).contains("## 1(c) Versions and their chain", "| 1.0 | RETIRED |", "| 2.0 | ACTIVE | 1.0 |",
                "## 2(g) Test evidence, signed and dated");
        assertThat(documentation.lines().filter(l -> l.contains("Dr. Lena Vogel") && l.contains("412 passed, 0 failed")))
                .as("the signed test report of each version").extracting(l -> l.substring(0, 6)).containsExactly("| 1.0 ", "| 2.0 ");
        assertThat(api.as("auditor").get("/api/systems/" + systemId + "/documentation").body()).contains("<h2>2(g) Test evidence");
        JsonNode chain = api.as("auditor").get("/api/systems/" + systemId + "/model-versions").json();
        JsonNode v2 = chain.get(1);
        assertThat(v2.get("version").asText()).isEqualTo("2.0");
        assertThat(v2.get("previousVersion").asText()).isEqualTo("1.0");
        assertThat(v2.get("sha256").asText()).isEqualTo(SHA256_2);
        assertThat(v2.at("/release/requestedBy").asText()).isEqualTo("process-owner");
        assertThat(v2.at("/release/decision").asText()).isEqualTo("go");
        assertThat(v2.at("/release/decidedBy").asText()).isEqualTo("anna");
        assertThat(v2.at("/release/changeAssessment").asText()).isEqualTo("within-predetermined-changes");
        assertThat(v2.at("/release/status").asText()).isEqualTo("ACTIVATED");
        assertThat(v2.at("/release/activatedAt").asText()).isNotBlank();
        assertThat(v2.at("/release/evidence")).hasSize(6);
        assertThat(v2.at("/release/evidence/3/signedBy").asText()).isEqualTo("Dr. Lena Vogel");
        JsonNode changes = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=model_version_changed").json()
                .get("events");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).at("/payload/previousVersion").asText()).isEqualTo("1.0");
        assertThat(changes.get(1).at("/payload/approver").asText()).isEqualTo("anna");
    }

    @Test
    void aBadRequestNamesTheFieldAndWritesNothing() {
        String systemId = TestSystems.register(api, "release-bad");
        Map<String, Object> good = request("1.0", SHA256_1, "0.9");

        assertBad(post(systemId, with(good, "sha256", "XYZ")), "sha256");
        assertBad(post(systemId, with(good, "trainingDataChanged", "yes")), "trainingDataChanged");
        assertBad(post(systemId, with(good, "unexpected", 1)), "unexpected");
        List<Map<String, Object>> evidence = new ArrayList<>(evidence(SHA256_1, "0.9"));
        evidence.set(0, Map.of("kind", "horoscope", "reference", "x"));
        assertBad(post(systemId, with(good, "evidence", evidence)), "evidence[0].kind");
        evidence = new ArrayList<>(evidence(SHA256_1, "0.9"));
        Map<String, Object> report = new HashMap<>(evidence.get(3));
        report.put("failed", -1);
        evidence.set(3, report);
        assertBad(post(systemId, with(good, "evidence", evidence)), "evidence[3].failed");

        assertThat(versions(systemId)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(systemId + ":1.0").count()).isZero();
        assertThat(post(systemId, good).status()).isEqualTo(201);
        assertThat(post(systemId, good).status()).as("the same version again").isEqualTo(409);
    }

    private Api.Response post(String systemId, Map<String, Object> body) {
        return api.as("process-owner").post("/api/systems/" + systemId + "/model-versions", body);
    }

    private void mlflowSystem() {
        if (api.as("auditor").get("/api/systems/" + IntegrationTestDatabase.MLFLOW_SYSTEM).status() == 404) {
            Api.Response created = api.as("process-owner").post("/api/systems",
                    TestSystems.registration(IntegrationTestDatabase.MLFLOW_SYSTEM));
            assertThat(created.status()).as(created.body()).isIn(201, 409);
        }
    }

    private void approve(String systemId, String version, String approver) {
        Task review = task(systemId, version);
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ModelDeploymentProcess.TASK_REVIEW_RELEASE);
        identityService.setAuthentication(approver, List.of(Roles.PROCESS_OWNERS));
        taskService.complete(review.getId(), Map.of("releaseDecision", "go", "decisionReason", "Evidence complete"));
        identityService.clearAuthentication();
    }

    private Task task(String systemId, String version) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(systemId + ":" + version).singleResult();
        assertThat(task).as("the open task of " + systemId + ":" + version).isNotNull();
        return task;
    }

    private static Map<String, Object> request(String version, String sha256, String accuracy) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("artifactUri", "models:/loan-scoring/" + version);
        body.put("sha256", sha256);
        body.put("trainingDataChanged", true);
        body.put("intendedPurposeChanged", false);
        body.put("evidence", evidence(sha256, accuracy));
        return body;
    }

    private static List<Map<String, Object>> evidence(String sha256, String accuracy) {
        return List.of(
                Map.of("kind", "infrastructure-sizing", "reference", "https://wiki.example/sizing"),
                Map.of("kind", "cyber-risk-analysis", "reference", "DOC-SEC-14"),
                Map.of("kind", "ci-cd-run", "reference", "https://ci.example/runs/991", "status", "success"),
                Map.of("kind", "test-report", "reference", "https://ci.example/runs/991/report.html", "sha256", "3".repeat(64),
                        "passed", 412, "failed", 0, "reportedAt", "2026-11-24T16:00:00Z", "signedBy", "Dr. Lena Vogel",
                        "metrics", Map.of("accuracy", new java.math.BigDecimal(accuracy))),
                Map.of("kind", "model-artifact", "reference", "models:/loan-scoring", "sha256", sha256),
                Map.of("kind", "technical-documentation", "reference", "DOC-TD-7", "documentVersion", "7"));
    }

    private void awaitVersions(String systemId, List<String> expected) {
        Await.until("versions " + expected + " of " + systemId, Duration.ofSeconds(30), () -> versions(systemId),
                expected::equals);
    }

    private List<String> versions(String systemId) {
        Api.Response response = api.as("auditor").get("/api/systems/" + systemId + "/model-versions");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> versions = new ArrayList<>();
        response.json().forEach(v -> versions.add(v.get("version").asText() + " " + v.get("status").asText()));
        return versions;
    }

    /** One mail to all deployers; GreenMail keeps a copy per recipient. */
    private static List<MimeMessage> awaitMails(String subject) {
        return TestMail.await("'" + subject + "'", subject::equals, 1);
    }

    private Api.Response deliver(String deliveryId, Instant at, String body) throws Exception {
        long timestamp = at.getEpochSecond();
        return send(deliveryId, String.valueOf(timestamp), "v1," + sign(deliveryId, timestamp, body), body);
    }

    private Api.Response send(String deliveryId, String timestamp, String signature, String body) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/integrations/mlflow"))
                .header("Content-Type", "application/json").header("X-MLflow-Delivery-Id", deliveryId)
                .header("X-MLflow-Timestamp", timestamp)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-MLflow-Signature", signature);
        }
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String sign(String deliveryId, long timestamp, String body) throws Exception {
        return Base64.getEncoder().encodeToString(hmac(SECRET, deliveryId + "." + timestamp + "." + body));
    }

    private static byte[] hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUnauthorized(Api.Response response, String header) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(header);
    }

    private static void assertBad(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(field);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

}
