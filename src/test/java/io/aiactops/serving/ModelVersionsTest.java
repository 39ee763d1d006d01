package io.aiactops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.ModelVersionStatus;
import org.junit.jupiter.api.Test;

/** Which version was active when: 1.0 ran from registration, 1.1 replaced it, 1.2 replaced 1.1, 1.3 waits. */
class ModelVersionsTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant V11_ACTIVATED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant V12_ACTIVATED = Instant.parse("2026-06-01T00:00:00Z");

    private static final List<ModelVersion> VERSIONS = List.of(
            version("1.0", ModelVersionStatus.RETIRED, null, REGISTERED, V11_ACTIVATED),
            version("1.1", ModelVersionStatus.RETIRED, "1.0", Instant.parse("2026-02-01T00:00:00Z"), V12_ACTIVATED),
            version("1.2", ModelVersionStatus.ACTIVE, "1.1", Instant.parse("2026-05-01T00:00:00Z"), V12_ACTIVATED),
            version("1.3", ModelVersionStatus.CANDIDATE, null, Instant.parse("2026-07-01T00:00:00Z"),
                    Instant.parse("2026-07-01T00:00:00Z")));

    @Test
    void theVersionActiveAtEachTime() {
        assertThat(ModelVersions.activeAt(VERSIONS, Instant.parse("2025-12-31T23:59:59Z")))
                .as("before any version ran").isEmpty();
        assertThat(ModelVersions.activeAt(VERSIONS, REGISTERED)).contains("1.0");
        assertThat(ModelVersions.activeAt(VERSIONS, Instant.parse("2026-02-15T00:00:00Z")))
                .as("1.1 registered, not yet active").contains("1.0");
        assertThat(ModelVersions.activeAt(VERSIONS, V11_ACTIVATED)).as("the instant of the switch").contains("1.1");
        assertThat(ModelVersions.activeAt(VERSIONS, Instant.parse("2026-05-31T23:59:59Z"))).contains("1.1");
        assertThat(ModelVersions.activeAt(VERSIONS, V12_ACTIVATED)).contains("1.2");
        assertThat(ModelVersions.activeAt(VERSIONS, Instant.parse("2026-08-01T00:00:00Z")))
                .as("a candidate never counts").contains("1.2");
    }

    @Test
    void noVersionAtAll() {
        assertThat(ModelVersions.activeAt(List.of(), Instant.now())).isEmpty();
    }

    private static ModelVersion version(String label, ModelVersionStatus status, String previous, Instant created,
            Instant changed) {
        return new ModelVersion(0, "credit", label, "models:/credit/" + label, "a".repeat(64), status, previous, created,
                "test", changed, "test", null);
    }
}
