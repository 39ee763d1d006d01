package io.aiactops.deployment;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonReadErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/integrations/mlflow}: MLflow model-registry webhooks, authenticated by their signature. */
@RestController
@Tag(name = "Deployment", description = "The deployment gate for model versions: evidence, change assessment, four-eyes release")
class MlflowWebhookController {

    private final MlflowWebhooks webhooks;
    private final ObjectMapper objectMapper;

    MlflowWebhookController(MlflowWebhooks webhooks, ObjectMapper objectMapper) {
        this.webhooks = webhooks;
        this.objectMapper = objectMapper;
    }

    @PostMapping(path = "/api/integrations/mlflow", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(operationId = "receiveMlflowWebhook", summary = "Receive an MLflow model-registry webhook; 200 once committed",
            description = "No login: the delivery must carry X-MLflow-Signature (v1,<base64 HMAC-SHA256 over "
                    + "delivery id, timestamp and body with aiact.deployment.mlflow.secret>), else 401. "
                    + "model_version.created registers a candidate; model_version_alias.created for the configured alias "
                    + "starts the deployment gate; a delivery id seen before changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "MLflow's {entity, action, timestamp, data}"), examples = @ExampleObject(name = "alias created", value = """
                            {"entity": "model_version_alias", "action": "created", "timestamp": "2026-11-25T09:00:00Z",
                             "data": {"name": "credit-scoring", "alias": "production", "version": "7"}}
                            """))))
    @ApiResponse(responseCode = "401", description = "Missing, stale or wrong signature: `field` names the header")
    @ApiResponse(responseCode = "404", description = "The alias names a version that was never registered")
    @ApiResponse(responseCode = "422", description = "The registered model is not mapped to an AI system")
    MlflowWebhooks.Receipt receive(
            @Parameter(description = "Unique id of the delivery; redeliveries repeat it")
            @RequestHeader(name = MlflowWebhooks.DELIVERY_ID, required = false) String deliveryId,
            @Parameter(description = "Unix time in seconds when MLflow sent the delivery")
            @RequestHeader(name = MlflowWebhooks.TIMESTAMP, required = false) String timestamp,
            @Parameter(description = "v1,<base64 HMAC-SHA256>")
            @RequestHeader(name = MlflowWebhooks.SIGNATURE, required = false) String signature,
            @RequestBody byte[] body) {
        webhooks.verify(deliveryId, timestamp, signature, body);
        JsonNode json;
        try {
            json = objectMapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("$", JsonReadErrors.malformed(e));
        } catch (IOException e) {
            throw new InvalidFieldException("$", "is not JSON");
        }
        try {
            return webhooks.handle(deliveryId, json);
        } catch (DuplicateKeyException e) {
            // The same delivery, handled concurrently and committed first: this one changed nothing.
            return new MlflowWebhooks.Receipt(deliveryId, MlflowWebhooks.Outcome.DUPLICATE, null, null, null);
        }
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.signed(HttpMethod.POST, "/api/integrations/mlflow");
        }
    }
}
