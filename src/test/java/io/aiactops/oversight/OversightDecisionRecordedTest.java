package io.aiactops.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.support.CanonicalPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The register's {@code oversight_action} payload, byte for byte: each string is the canonical JSON the
 * map-building code gave before the record replaced it. A failure means a changed field: the record is
 * wrong, not the string.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class)
class OversightDecisionRecordedTest {

    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void aDecision() {
        assertThat(json(new OversightDecisionRecorded("review_decision", "demo-credit-scoring/accuracy", "42", "accuracy",
                "warning", 0.81, 2L, "keep_watching", "watch it", null))).isEqualTo("{\"action\":\"review_decision\",\"breachCount\":2,\"decision\":\"keep_watching\",\"latestValue\":0.81,\"metric\":\"accuracy\",\"reason\":\"watch it\",\"review\":\"demo-credit-scoring/accuracy\",\"reviewId\":\"42\",\"severity\":\"warning\"}");
    }

    @Test
    void absentValuesAreLeftOut() {
        assertThat(json(new OversightDecisionRecorded("review_decision", "demo-credit-scoring/accuracy", "42", null, null, null,
                null, "keep_watching", "watch it", "2026-03-05T10:00:00Z"))).isEqualTo("{\"action\":\"review_decision\",\"decision\":\"keep_watching\",\"followUpAt\":\"2026-03-05T10:00:00Z\",\"reason\":\"watch it\",\"review\":\"demo-credit-scoring/accuracy\",\"reviewId\":\"42\"}");
    }

    @Test
    void readersReadEventsRecordedBeforeTheRecord() throws Exception {
        assertThat(objectMapper.readValue("{\"action\":\"review_decision\",\"breachCount\":2,\"decision\":\"keep_watching\",\"latestValue\":0.81,\"metric\":\"accuracy\",\"reason\":\"watch it\",\"review\":\"demo-credit-scoring/accuracy\",\"reviewId\":\"42\",\"severity\":\"warning\"}", OversightDecisionRecorded.class).decision()).isEqualTo("keep_watching");
    }

    private String json(Object payload) {
        return CanonicalPayloads.of(objectMapper, payload);
    }
}
