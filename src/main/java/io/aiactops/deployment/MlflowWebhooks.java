package io.aiactops.deployment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonFields;
import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MLflow model-registry webhooks (open-source MLflow 3.x): {@code model_version.created} registers a
 * candidate, {@code model_version_alias.created} for the configured alias starts the deployment gate.
 * Each delivery id is stored with the work it caused, in one transaction, so a redelivery does nothing.
 */
@Service
public class MlflowWebhooks {

    /** The actor of everything MLflow causes; it is the requester of the releases it starts. */
    public static final String ACTOR = "mlflow";
    public static final String DELIVERY_ID = "X-MLflow-Delivery-Id";
    public static final String TIMESTAMP = "X-MLflow-Timestamp";
    public static final String SIGNATURE = "X-MLflow-Signature";

    /** What a delivery caused. */
    public enum Outcome {
        CANDIDATE_REGISTERED, GATE_STARTED, IGNORED, DUPLICATE
    }

    /** The answer to MLflow, once committed. */
    public record Receipt(String deliveryId, Outcome outcome, String aiSystemId, String version, Long releaseId) {
    }

    private final DeploymentProperties.Mlflow properties;
    private final JdbcClient jdbc;
    private final Registry registry;
    private final ModelDeploymentStarter starter;
    private final Clock clock;

    MlflowWebhooks(DeploymentProperties properties, JdbcClient jdbc, Registry registry, ModelDeploymentStarter starter,
            Clock clock) {
        this.properties = properties.mlflow();
        this.jdbc = jdbc;
        this.registry = registry;
        this.starter = starter;
        this.clock = clock;
    }

    /**
     * Refuses with 401 (naming the header) unless the delivery is signed with the configured secret
     * over {@code delivery_id.timestamp.body} and its timestamp is within the allowed age.
     */
    public void verify(String deliveryId, String timestamp, String signature, byte[] body) {
        if (properties.secret() == null) {
            throw unauthorized(SIGNATURE, "MLflow webhooks are not enabled here: set aiact.deployment.mlflow.secret");
        }
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 128) {
            throw unauthorized(DELIVERY_ID, "is required (at most 128 characters)");
        }
        if (signature == null || signature.isBlank()) {
            throw unauthorized(SIGNATURE, "is required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw unauthorized(TIMESTAMP, "must be the Unix time in seconds of the delivery");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(properties.maxWebhookAge()) > 0) {
            throw unauthorized(TIMESTAMP, "is more than " + properties.maxWebhookAge() + " away from now: a stale or replayed delivery");
        }
        byte[] expected = hmac(deliveryId + "." + timestamp.strip() + ".", body);
        for (String candidate : signature.strip().split("\\s+")) {
            if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, decode(candidate.substring(3)))) {
                return;
            }
        }
        throw unauthorized(SIGNATURE, "does not match the delivery: wrong secret or altered body");
    }

    /** Handles a verified delivery; a delivery id seen before changes nothing and answers DUPLICATE. */
    @Transactional
    public Receipt handle(String deliveryId, JsonNode body) {
        JsonFields event = JsonFields.of(body, "");
        String entity = event.text("entity", true, 64);
        String action = event.text("action", true, 64);
        String type = entity + "." + action;
        if (jdbc.sql("SELECT COUNT(*) FROM mlflow_delivery WHERE delivery_id = ?").param(deliveryId).query(Long.class).single() > 0) {
            return new Receipt(deliveryId, Outcome.DUPLICATE, null, null, null);
        }
        Receipt receipt = switch (type) {
            case "model_version.created" -> registerCandidate(deliveryId, body.get("data"));
            case "model_version_alias.created" -> startGate(deliveryId, body.get("data"));
            default -> new Receipt(deliveryId, Outcome.IGNORED, null, null, null);
        };
        // A concurrent delivery with the same id fails here on the primary key, and its work rolls back.
        jdbc.sql("INSERT INTO mlflow_delivery (delivery_id, received_at, event, model_name, model_version, outcome) VALUES (?, ?, ?, ?, ?, ?)")
                .params(deliveryId, JdbcTime.utc(clock.instant()), type.length() > 64 ? type.substring(0, 64) : type,
                        receipt.aiSystemId(), receipt.version(), receipt.outcome().name())
                .update();
        return receipt;
    }

    private Receipt registerCandidate(String deliveryId, JsonNode node) {
        JsonFields data = JsonFields.of(node, "data");
        String systemId = system(data);
        String version = data.text("version", true, 64);
        String source = data.text("source", true, 2000);
        String sha256 = data.strings("tags", 100, 2000).get(properties.sha256Tag());
        if (sha256 == null) {
            throw new InvalidFieldException(data.path("tags") + "." + properties.sha256Tag(),
                    "is required: tag the model version with its artifact's SHA-256");
        }
        EvidenceInput.sha256(sha256, data.path("tags") + "." + properties.sha256Tag());
        ModelVersion candidate = registry.registerCandidate(systemId, version, source, sha256, ACTOR);
        return new Receipt(deliveryId, Outcome.CANDIDATE_REGISTERED, systemId, candidate.version(), null);
    }

    private Receipt startGate(String deliveryId, JsonNode node) {
        JsonFields data = JsonFields.of(node, "data");
        String systemId = system(data);
        String alias = data.text("alias", true, 256);
        String version = data.text("version", true, 64);
        if (!alias.equals(properties.alias())) {
            return new Receipt(deliveryId, Outcome.IGNORED, systemId, version, null);
        }
        ModelVersion candidate = registry.modelVersion(systemId, version);
        // The registered model's digest is evidence already: MLflow vouches for the artifact it serves.
        Evidence artifact = new Evidence(EvidenceKind.MODEL_ARTIFACT, candidate.artifactUri(), candidate.sha256(), ACTOR,
                clock.instant(), null, null, null, null, null, null, null);
        long releaseId = starter.start(systemId, version, ReleaseTrigger.MLFLOW, null, null, List.of(artifact), ACTOR);
        return new Receipt(deliveryId, Outcome.GATE_STARTED, systemId, version, releaseId);
    }

    private String system(JsonFields data) {
        String name = data.text("name", true, 256);
        String systemId = properties.models().get(name);
        if (systemId == null) {
            throw new InvalidFieldException(HttpStatus.UNPROCESSABLE_ENTITY, data.path("name"), "registered model '" + name
                    + "' is not mapped to an AI system (aiact.deployment.mlflow.models)");
        }
        return systemId;
    }

    private byte[] hmac(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static InvalidFieldException unauthorized(String header, String message) {
        return new InvalidFieldException(HttpStatus.UNAUTHORIZED, header, message);
    }
}
