package io.aiactops.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.support.CanonicalPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The register's safe_state_confirmed payload, byte for byte: each string is the canonical JSON the map-building code gave before the record
 * replaced it. A failure means a changed field: the record is wrong, not the string.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class)
class SafeStateConfirmedTest {

    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void aConfirmationWithoutDetail() {
        assertThat(json(new SafeStateConfirmed("2026-03-03T10:00:00.123456Z", null))).isEqualTo("{\"confirmedAt\":\"2026-03-03T10:00:00.123456Z\"}");
    }

    private String json(Object payload) {
        return CanonicalPayloads.of(objectMapper, payload);
    }
}
