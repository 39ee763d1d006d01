package io.aiactops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.support.CanonicalPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The register's model_version_changed payload, byte for byte: each string is the canonical JSON the map-building code gave before the record
 * replaced it. A failure means a changed field: the record is wrong, not the string.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class)
class ModelVersionChangedTest {

    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void theFirstActivationHasNoPreviousVersion() {
        assertThat(json(new ModelVersionChanged(null, "1.1.0", "process-owner", "better"))).isEqualTo("{\"approver\":\"process-owner\",\"reason\":\"better\",\"version\":\"1.1.0\"}");
    }

    private String json(Object payload) {
        return CanonicalPayloads.of(objectMapper, payload);
    }
}
