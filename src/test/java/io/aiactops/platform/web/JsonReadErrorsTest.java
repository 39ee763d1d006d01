package io.aiactops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{bad                  | malformed JSON at line 1, column 2: unexpected character 'b': expected a field name in double quotes",
        "{'a':1}               | malformed JSON at line 1, column 2: unexpected character ''': expected a field name in double quotes",
        "{\"a\":1,}             | malformed JSON at line 1, column 8: unexpected character '}': expected a field name in double quotes",
        "{\"a\" 1}              | malformed JSON at line 1, column 6: unexpected character '1': expected a colon between a field's name and its value",
        "{\"a\":1 \"b\":2}        | malformed JSON at line 1, column 8: unexpected character '\"': expected a comma between an object's fields",
        "[1 2]                 | malformed JSON at line 1, column 4: unexpected character '2': expected a comma between a list's values",
        "{\"a\":                | malformed JSON at line 1, column 6: the JSON ends too early inside an object",
        "[1,2                  | malformed JSON at line 1, column 5: the JSON ends too early: a list is not closed with ']'",
        "{\"a\":1               | malformed JSON at line 1, column 7: the JSON ends too early: an object is not closed with '}'",
        "{\"a\":\"x              | malformed JSON at line 1, column 8: the JSON ends too early: a string is not closed with '\"'",
        "nul                   | malformed JSON at line 1, column 1: unknown word 'nul': expected a value (a string, a number, a list, an object, true, false or null)",
        "{\"a\":NaN}            | malformed JSON at line 1, column 9: non-standard token 'NaN' is not allowed",
        "{\"a\":[1}             | malformed JSON at line 1, column 8: unexpected closing '}': expected ']'",
    })
    void malformedJsonSaysWhereItBreaksAndWhatCameInOurWords(String body, String explained) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readTree(body));

        assertThat(JsonReadErrors.malformed(e)).isEqualTo(explained);
    }

    @Test
    void controlCharactersAndBytesThatAreNotUtf8AreNamedWithoutTheirCodes() {
        JsonProcessingException control = catchThrowableOfType(JsonProcessingException.class,
                () -> JSON.readTree("{\"a\":\"x\u0001\"}"));
        JsonProcessingException bytes = catchThrowableOfType(JsonProcessingException.class,
                () -> JSON.readTree(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }));

        assertThat(JsonReadErrors.malformed(control)).isEqualTo(
                "malformed JSON at line 1, column 8: unescaped character (a control character): must be escaped with a backslash in a string");
        assertThat(JsonReadErrors.malformed(bytes)).isEqualTo("malformed JSON at line 1, column 9: not UTF-8: byte 0x28");
    }

    @Test
    void jsonBeyondTheReadersLimitsSaysWhichLimitWithoutNamingTheReader() {
        JsonProcessingException deep = catchThrowableOfType(JsonProcessingException.class,
                () -> JSON.readTree("[".repeat(1_001) + "]".repeat(1_001)));
        JsonProcessingException longNumber = catchThrowableOfType(JsonProcessingException.class,
                () -> JSON.readTree("[" + "9".repeat(1_001) + "]"));

        assertThat(JsonReadErrors.malformed(deep)).isEqualTo(
                "JSON beyond the reader's limits: nested 1001 levels deep, deeper than the 1000 allowed");
        assertThat(JsonReadErrors.malformed(longNumber))
                .startsWith("JSON beyond the reader's limits").contains("a number of 1001 characters is longer than the 1000 allowed");
    }
}
