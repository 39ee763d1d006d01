package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void sortsKeysByCodePointAndDropsWhitespace() throws Exception {
        // U+FF21 (fullwidth A) sorts before U+1F600 by code point, after it in UTF-16 order.
        String json = "{ \"b\": [1, {\"z\": true, \"a\": null}], \"a\": \"x\", \"\uD83D\uDE00\": 1, \"\uFF21\": 2, \"B\": 0 }";

        assertThat(CanonicalJson.write(JSON.readTree(json)))
                .isEqualTo("{\"B\":0,\"a\":\"x\",\"b\":[1,{\"a\":null,\"z\":true}],\"\uFF21\":2,\"\uD83D\uDE00\":1}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.50|1.5", "1.0|1", "100|100", "1e3|1000", "1E-3|0.001", "-0.0|0", "-0|0", "0.000|0",
            "12345678901234567890123|12345678901234567890123", "2.500e2|250", "-7.25|-7.25" })
    void writesNumbersInPlainNotationWithoutTrailingZeros(String input, String canonical) throws Exception {
        assertThat(CanonicalJson.write(JSON.readTree(input))).isEqualTo(canonical);
    }

    @Test
    void anyDecimalIsWrittenAsItsStrippedPlainNotation() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            java.math.BigDecimal value = java.math.BigDecimal.valueOf(random.nextLong() >> random.nextInt(64),
                    random.nextInt(-8, 30));
            String expected = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
            assertThat(CanonicalJson.number(com.fasterxml.jackson.databind.node.DecimalNode.valueOf(value)))
                    .as(value.toString()).isEqualTo(expected);
        }
    }

    @Test
    void escapesStringsAsRfc8785() throws Exception {
        JsonNode node = JSON.readTree("\"quote\\\" backslash\\\\ tab\\t nl\\n bell\\u0007 é \\u2028 /\"");

        assertThat(CanonicalJson.write(node)).isEqualTo("\"quote\\\" backslash\\\\ tab\\t nl\\n bell\\u0007 é \u2028 /\"");
    }

    @Test
    void refusesWhatCouldNotBeStoredOrRecheckedFaithfully() throws Exception {
        assertThatThrownBy(() -> CanonicalJson.write(JSON.readTree("{\"a\":{\"b\":[\"x\\u0000\"]}}")))
                .isInstanceOfSatisfying(CanonicalJson.InvalidValueException.class,
                        e -> assertThat(e.path()).isEqualTo(".a.b[0]"))
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> CanonicalJson.write(JSON.readTree("{\"s\":\"\\ud800\"}")))
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> CanonicalJson.write(JSON.readTree("{\"n\":1e999999999}")))
                .hasMessageContaining("digits");
        assertThatThrownBy(() -> CanonicalJson.write(JSON.readTree("[".repeat(70) + "]".repeat(70))))
                .hasMessageContaining("deeper");
    }

    /** The worked example of docs/log-register.md; the offline verifier's test checks the same value. */
    @Test
    void hashesTheDocumentedExample() throws Exception {
        String payload = CanonicalJson.write(JSON.readTree("{\"output\": {\"score\": 0.730, \"decision\": \"refer\"},"
                + " \"inputRef\": \"s3://requests/2026/11/25/8841.json\", \"confidence\": 0.91}"));
        String envelope = ChainHash.envelope("demo-credit-scoring", 1, "inference", "2026-11-25T09:30:00.000000Z",
                "2026-11-25T09:30:00.120000Z", "1.0.0", "ingest", "req-8841", payload, ChainHash.GENESIS);

        assertThat(envelope).isEqualTo("{\"actor\":\"ingest\",\"clientEventId\":\"req-8841\",\"modelVersion\":\"1.0.0\","
                + "\"occurredAt\":\"2026-11-25T09:30:00.000000Z\",\"payload\":{\"confidence\":0.91,"
                + "\"inputRef\":\"s3://requests/2026/11/25/8841.json\",\"output\":{\"decision\":\"refer\",\"score\":0.73}},"
                + "\"prevHash\":\"0000000000000000000000000000000000000000000000000000000000000000\","
                + "\"recordedAt\":\"2026-11-25T09:30:00.120000Z\",\"seq\":1,\"systemId\":\"demo-credit-scoring\","
                + "\"type\":\"inference\"}");
        assertThat(ChainHash.sha256(envelope)).isEqualTo(DOCUMENTED_HASH);
    }

    static final String DOCUMENTED_HASH = "cc36dd543f1ac12ba070db9d58f58622b35572bba72cbf50bbcb9c1c1442156d";
}
