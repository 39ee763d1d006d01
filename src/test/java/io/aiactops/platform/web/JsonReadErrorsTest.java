package io.aiactops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aiactops.platform.WireName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each value Jackson cannot bind is explained as expected and received, with nothing of Jackson's words. */
class JsonReadErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    enum Regime implements WireName {
        GDPR, NIS2
    }

    record Body(Boolean sectoralRegime, Long personsAffected, Instant occurredAt, Regime regime, List<String> memberStates,
            String name, double score) {
    }

    @Test
    void aValueBoundFromATreeIsEchoedFromTheTree() throws Exception {
        JsonNode tree = JSON.readTree("{\"sectoralRegime\": \"MDR\", \"memberStates\": [\"FR\"]}");
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> JSON.convertValue(tree, Body.class));
        JsonMappingException cause = (JsonMappingException) e.getCause();

        assertThat(JsonReadErrors.explain(cause, tree)).isEqualTo("expected true or false, received \"MDR\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"sectoralRegime\": \"MDR\"}         | sectoralRegime | expected true or false, received \"MDR\"",
        "{\"personsAffected\": \"many\"}       | personsAffected | expected a whole number, received \"many\"",
        "{\"occurredAt\": \"yesterday\"}       | occurredAt | expected a date and time with its offset in ISO-8601, such as 2026-05-04T10:15:30Z, received \"yesterday\"",
        "{\"regime\": \"DORA\"}                | regime | expected one of gdpr, nis2, received \"DORA\"",
        "{\"memberStates\": {\"a\": 1}}        | memberStates | expected a list, received an object",
        "{\"name\": {\"a\": 1}}                | name | expected a string, received an object",
        "{\"score\": \"high\"}                 | score | expected a number, received \"high\"",
    })
    void explainsWhatWasExpectedAndWhatCame(String body, String field, String explained) {
        JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> JSON.readValue(body, Body.class));

        assertThat(JsonPaths.of(e)).isEqualTo(field);
        assertThat(JsonReadErrors.explain(e)).isEqualTo(explained);
    }
}
