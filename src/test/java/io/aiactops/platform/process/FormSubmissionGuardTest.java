package io.aiactops.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FormSubmissionGuardTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aShippedFormSetsItsEditableFieldsAndOnlyShowsTheDisabledOnes() throws IOException {
        FormSubmissionGuard.Form form = FormSubmissionGuard.Form.of(
                json.readTree(Path.of("forms/review-monitoring-alert.form").toFile()));

        assertThat(form.id()).isEqualTo("review-monitoring-alert");
        assertThat(form.editable()).containsExactlyInAnyOrder("decision", "followUpAt", "decisionReason");
        assertThat(form.readOnly()).contains("aiSystemId", "severity", "breachCount").doesNotContain("decision");
    }

    @Test
    void aFieldInsideAGroupWithAPathIsSubmittedUnderThePathsFirstSegment() throws IOException {
        JsonNode schema = json.readTree("""
                {"id": "nested", "components": [
                  {"type": "textfield", "key": "contact.email"},
                  {"type": "group", "path": "address.postal", "components": [
                    {"type": "textfield", "key": "street"},
                    {"type": "group", "components": [{"type": "textfield", "key": "city", "disabled": true}]}
                  ]},
                  {"type": "text", "text": "no key"}
                ]}""");

        FormSubmissionGuard.Form form = FormSubmissionGuard.Form.of(schema);

        assertThat(form.editable()).containsExactlyInAnyOrder("contact", "address");
        assertThat(form.readOnly()).containsExactly("address");
    }
}
