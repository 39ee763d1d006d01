package io.aiactops.deployment;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the deployment gate ({@code aiact.deployment.*}, docs/operations.md).
 *
 * @param holdRecheckInterval how often a release waiting for an evidence hold checks again
 * @param mlflow the MLflow model-registry webhook
 */
@ConfigurationProperties("aiact.deployment")
public record DeploymentProperties(@DefaultValue("PT1H") Duration holdRecheckInterval, @DefaultValue Mlflow mlflow) {

    public DeploymentProperties {
        if (holdRecheckInterval.isNegative() || holdRecheckInterval.isZero()) {
            throw new IllegalArgumentException("aiact.deployment.hold-recheck-interval is a positive duration, e.g. PT1H");
        }
    }

    /**
     * {@code aiact.deployment.mlflow.*}: the webhook's shared secret, which registered model is which AI
     * system, the alias that asks for a release, and how old a delivery may be.
     *
     * @param secret the secret MLflow signs deliveries with; without one every delivery is refused
     * @param models registered model name → AI system id
     * @param alias the alias whose creation starts the gate
     * @param maxWebhookAge deliveries whose timestamp is further from now are refused (replays)
     * @param sha256Tag the model-version tag holding the artifact's SHA-256
     */
    public record Mlflow(String secret, Map<String, String> models, @DefaultValue("production") String alias,
            @DefaultValue("PT5M") Duration maxWebhookAge, @DefaultValue("sha256") String sha256Tag) {

        /** Shorter secrets are guessable; MLflow accepts any string, so we insist here. */
        static final int MIN_SECRET_LENGTH = 16;

        public Mlflow {
            secret = secret == null || secret.isBlank() ? null : secret;
            models = models == null ? Map.of() : Map.copyOf(models);
            if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("aiact.deployment.mlflow.secret (AIACT_MLFLOW_SECRET) must have at least "
                        + MIN_SECRET_LENGTH + " characters");
            }
            if (!models.isEmpty() && secret == null) {
                throw new IllegalArgumentException("aiact.deployment.mlflow.models is set but aiact.deployment.mlflow.secret "
                        + "(AIACT_MLFLOW_SECRET) is not: MLflow deliveries could not be verified");
            }
            if (maxWebhookAge.isNegative() || maxWebhookAge.isZero()) {
                throw new IllegalArgumentException("aiact.deployment.mlflow.max-webhook-age is a positive duration, e.g. PT5M");
            }
        }
    }
}
