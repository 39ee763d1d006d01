package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The verification's envelope from stored text, against the general path ({@code ChainHash.envelope}). */
class StoredEnvelopeTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    @Test
    void randomEventsAsPostgresqlAndH2PrintThemGiveTheGeneralPathsBytes() {
        SplittableRandom random = new SplittableRandom(14);
        StoredEnvelope envelopes = new StoredEnvelope();
        for (int i = 0; i < 20_000; i++) {
            JsonNode payload = object(random, 0);
            Instant occurred = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000) * 1000);
            Instant recorded = occurred.plusNanos(random.nextLong(1_000_000_000_000L) / 1000 * 1000);
            String actor = random.nextInt(10) == 0 ? text(random) : "ingest";
            String clientEventId = random.nextBoolean() ? null : text(random);
            String modelVersion = random.nextBoolean() ? null : "1.0." + random.nextInt(100);
            LogEvent event = new LogEvent("sys-" + i, i + 1, "inference", occurred, recorded, modelVersion, actor,
                    clientEventId, payload, ChainHash.GENESIS, ChainHash.GENESIS);
            byte[] expected = ChainHash.envelope(event).getBytes(StandardCharsets.UTF_8);

            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-12 * 4, 14 * 4) * 900);
            for (StoredRow row : List.of(stored(event, jsonb(payload, random), printed(occurred, offset), printed(recorded, offset)),
                    stored(event, jsonb(payload, random), printed(occurred, ZoneOffset.UTC), printed(recorded, ZoneOffset.UTC)),
                    stored(event, CanonicalJson.write(payload), ChainHash.timestamp(occurred), ChainHash.timestamp(recorded)))) {
                Utf8Buffer out = new Utf8Buffer();
                envelopes.write(row, out);
                assertThat(Arrays.copyOf(out.bytes(), out.length())).as(row.payload() + " " + row.occurredAt())
                        .isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\": 1e3}", "{\"a\": \"x\\/y\"}", "{\"a\\u0041\": 1}", "{\"a\": 1, \"a\": 2}", "{\"a\": \"\\u0009\"}",
            "{\"a\": \"\\u001F\"}", "{\"a\": 01}", "{\"a\": 1.}", "{\"a\":\n1}", "{\"a\": 1", "[1, 2" })
    void givesUpOnWhatIsNotInTheCommonFormsLeavingTheOutputAsItWas(String text) {
        Utf8Buffer out = new Utf8Buffer().ascii("kept");

        assertThat(new StoredJson().canonical(text, out)).as(text).isFalse();
        assertThat(out.length()).isEqualTo(4);
    }

    @Test
    void givesUpOnNestingDeeperThanTheCanonicalFormTakes() {
        String deep = "[".repeat(CanonicalJson.MAX_DEPTH + 2) + "]".repeat(CanonicalJson.MAX_DEPTH + 2);

        assertThat(new StoredJson().canonical(deep, new Utf8Buffer())).isFalse();
        assertThat(new StoredJson().canonical("[".repeat(CanonicalJson.MAX_DEPTH) + "]".repeat(CanonicalJson.MAX_DEPTH),
                new Utf8Buffer())).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-25 09:30:00+00|2026-11-25T09:30:00.000000Z",
            "2026-11-25 10:30:00.5+01|2026-11-25T09:30:00.500000Z",
            "2026-11-25 04:00:00.123456-05:30|2026-11-25T09:30:00.123456Z",
            "2026-01-01 00:59:59.999999+01|2025-12-31T23:59:59.999999Z",
            "2026-11-25T09:30:00.000001Z|2026-11-25T09:30:00.000001Z",
            "2026-11-25 09:30:00+05:30:10|2026-11-25T03:59:50.000000Z",
            "2026-11-25 09:30:00.123456+00|2026-11-25T09:30:00.123456Z",
            "2026-11-25 09:30:00.12+00|2026-11-25T09:30:00.120000Z",
            "0999-01-01 00:00:00.000001+00|0999-01-01T00:00:00.000001Z",
            "2026-11-25 09:30:00.5+00:30|2026-11-25T09:00:00.500000Z" })
    void readsTimestampsAsTheDatabasePrintsThem(String printed, String register) {
        assertThat(StoredEnvelope.timestamp(printed)).isEqualTo(register);
        Utf8Buffer out = new Utf8Buffer();
        StoredEnvelope.timestamp(printed, out);
        assertThat(new String(out.bytes(), 0, out.length(), StandardCharsets.US_ASCII)).isEqualTo(register);
    }

    private static StoredRow stored(LogEvent e, String payload, String occurredAt, String recordedAt) {
        return new StoredRow(e.systemId(), e.seq(), e.type(), occurredAt, recordedAt, e.modelVersion(), e.actor(),
                e.clientEventId(), payload, e.prevHash(), e.hash());
    }

    /** As PostgreSQL prints a timestamptz in a session time zone of this offset. */
    private static String printed(Instant instant, ZoneOffset offset) {
        String text = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").format(instant.atOffset(offset));
        text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        int seconds = offset.getTotalSeconds();
        String sign = seconds < 0 ? "-" : "+";
        int abs = Math.abs(seconds);
        return text + sign + String.format("%02d", abs / 3600) + (abs % 3600 == 0 ? "" : String.format(":%02d", abs % 3600 / 60));
    }

    /** As PostgreSQL prints jsonb: keys shorter first, then by bytes; ", " and ": "; decimals keep their scale. */
    private static String jsonb(JsonNode node, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        jsonb(node, random, out);
        return out.toString();
    }

    private static void jsonb(JsonNode node, SplittableRandom random, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.sort(Comparator.comparing((Map.Entry<String, JsonNode> f) -> utf8(f.getKey()).length)
                    .thenComparing(f -> utf8(f.getKey()), Arrays::compareUnsigned));
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                pgString(fields.get(i).getKey(), out);
                out.append(": ");
                jsonb(fields.get(i).getValue(), random, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                jsonb(node.get(i), random, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            pgString(node.textValue(), out);
        } else if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            // numeric keeps the scale it was given: 1.5 may come back as 1.500
            out.append(value.scale() > 0 && random.nextBoolean() ? value.setScale(value.scale() + 2).toPlainString()
                    : value.toPlainString());
        } else {
            out.append(node.toString());
        }
    }

    /** PostgreSQL's escape_json. */
    private static void pgString(String value, StringBuilder out) {
        out.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] ALPHABET = { "a", "b", "Z", "é", "ß", "\uFF21", "\uD83D\uDE00", "\"", "\\", "\n", "\t",
            "\u0007", "\u001f", "/", " ", "0", "_", "\u2028" };

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(0, 8); n > 0; n--) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    private static ObjectNode object(SplittableRandom random, int depth) {
        ObjectNode object = NODES.objectNode();
        for (int n = random.nextInt(depth == 0 ? 0 : 1, 7); n > 0; n--) {
            object.set(text(random), value(random, depth + 1));
        }
        return object;
    }

    private static JsonNode value(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextLong() >> random.nextInt(64));
            case 2 -> NODES.numberNode(BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(-3, 12)));
            case 3 -> NODES.numberNode(new BigDecimal("-0." + "0".repeat(random.nextInt(3))));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> object(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
        };
    }
}
