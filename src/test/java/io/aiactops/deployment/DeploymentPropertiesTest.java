package io.aiactops.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** No MLflow delivery is trusted without a real secret, and no mapping exists without one. */
class DeploymentPropertiesTest {

    private static final Duration AGE = Duration.ofMinutes(5);

    @Test
    void withoutASecretNothingIsMappedAndEveryDeliveryWillBeRefused() {
        DeploymentProperties.Mlflow mlflow = new DeploymentProperties.Mlflow(" ", null, "production", AGE, "sha256");

        assertThat(mlflow.secret()).isNull();
        assertThat(mlflow.models()).isEmpty();
    }

    @Test
    void mappingModelsWithoutASecretRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> new DeploymentProperties.Mlflow(null, Map.of("credit-scoring", "demo-credit-scoring"),
                "production", AGE, "sha256"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AIACT_MLFLOW_SECRET");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new DeploymentProperties.Mlflow("secret", Map.of(), "production", AGE, "sha256"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 characters");
    }

    @Test
    void theRecheckIntervalAndTheWebhookAgeArePositive() {
        assertThatThrownBy(() -> new DeploymentProperties(Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold-recheck-interval");
        assertThatThrownBy(() -> new DeploymentProperties.Mlflow(null, null, "production", Duration.ofSeconds(-1), "sha256"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-webhook-age");
    }
}
