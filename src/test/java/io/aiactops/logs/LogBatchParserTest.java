package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.aiactops.platform.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class LogBatchParserTest {

    private final LogBatchParser parser = new LogBatchParser(
            new LogsProperties(10_000, DataSize.ofMegabytes(32), 1000, Duration.ofHours(1), 50_000,
                    Duration.ofDays(7), Duration.ofDays(1), 2, Duration.ofSeconds(2)));

    @Test
    void readsAJsonArrayOfEvents() {
        List<NewLogEvent> events = parse("application/json", """
                [{"type":"inference","occurredAt":"2026-11-25T10:30:00.1234567+01:00","modelVersion":"1.0.0",
                  "clientEventId":"r-1","payload":{"inputRef":"req/1","output":{"score":0.70},"confidence":0.9}},
                 {"type":"custom"}]""");

        assertThat(events).hasSize(2);
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-25T09:30:00.123456Z"));
        assertThat(events.get(0).canonicalPayload()).isEqualTo("{\"confidence\":0.9,\"inputRef\":\"req/1\",\"output\":{\"score\":0.7}}");
        assertThat(events.get(1).occurredAt()).isNull();
        assertThat(events.get(1).canonicalPayload()).isEqualTo("{}");
    }

    @Test
    void readsNdjson() {
        List<NewLogEvent> events = parse("application/x-ndjson", "{\"type\":\"custom\"}\n\n{\"type\":\"monitoring_signal\",\"payload\":{\"v\":1}}\n");

        assertThat(events).extracting(NewLogEvent::type).containsExactly(LogEventType.CUSTOM, LogEventType.MONITORING_SIGNAL);
    }

    @Test
    void namesTheFirstBadEventByIndexAndField() {
        assertField("[{\"type\":\"custom\"},{\"payload\":{}}]", "[1].type");
        assertField("[{\"type\":\"bogus\"}]", "[0].type");
        assertField("[{\"type\":\"custom\",\"occurredAt\":\"yesterday\"}]", "[0].occurredAt");
        assertField("[{\"type\":\"custom\",\"payload\":[1]}]", "[0].payload");
        assertField("[{\"type\":\"custom\",\"payload\":{\"a\":{\"b\":\"\\u0000\"}}}]", "[0].payload.a.b");
        assertField("[{\"type\":\"custom\",\"colour\":\"red\"}]", "[0].colour");
        assertField("[{\"type\":\"inference\",\"payload\":{\"output\":1}}]", "[0].payload.inputRef");
        assertField("[{\"type\":\"inference\",\"payload\":{\"inputRef\":\"r\",\"output\":1,\"confidence\":7}}]",
                "[0].payload.confidence");
        assertField("[{\"type\":\"custom\"},{\"type\":\"custom\",\"type\":\"custom\"}]", "[1]");
        assertField("[{\"type\":\"custom\",\"payload\":{\"a\":{\"b\":1,\"b\":2}}}]", "[0]");
        assertThatThrownBy(() -> parse("application/x-ndjson", "{\"type\":\"custom\"}\n{\"type\":\"custom\",\"payload\":{\"b\":1,\"b\":2}}"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("[1]"));
        assertField("[{\"type\":\"custom\"}, {\"type\": ", "[1]");
        assertField("{\"type\":\"custom\"}", "$");
        assertField("[]", "$");
    }

    @Test
    void aMalformedNdjsonLineIsNamedByItsLineInTheBody() {
        assertThatThrownBy(() -> parse("application/x-ndjson", "{\"type\":\"custom\"}\n\n{\"type\": custom}\n"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("[1]"))
                .hasMessageStartingWith("[1]: malformed JSON at line 3, column ");
    }

    @Test
    void aClientCannotAppendWhatAiactOpsRecordsOfItsOwnActs() {
        for (LogEventType type : LogEventType.values()) {
            String body = "[{\"type\":\"custom\"},{\"type\":\"" + type.wireName() + "\"}]";
            if (type.recordedBy() == null) {
                continue;
            }
            assertThatThrownBy(() -> parse("application/json", body)).as(type.wireName())
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("[1].type"))
                    .hasMessageContaining(type.wireName() + " is recorded by aiact-ops itself, through " + type.recordedBy());
        }
        assertThatThrownBy(() -> parse("application/json", "[{\"type\":\"system_stopped\"}]"))
                .hasMessage("[0].type: system_stopped is recorded by aiact-ops itself, through the stop button, "
                        + "POST /api/systems/{id}/stop; a client appends inference, monitoring_signal, threshold_breach, "
                        + "deployer_report, custom");
        assertThat(parse("application/json", "[{\"type\":\"monitoring_signal\"},{\"type\":\"deployer_report\"}]"))
                .as("a platform's own signals and a deployer's reports").hasSize(2);
    }

    @Test
    void refusesMoreThanTenThousandEvents() {
        String body = "[" + String.join(",", java.util.Collections.nCopies(10_001, "{\"type\":\"custom\"}")) + "]";

        assertThatThrownBy(() -> parse("application/json", body)).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo("$")).hasMessageContaining("at most 10000");
    }

    @Test
    void refusesOtherContentTypesAndOversizedBodies() {
        assertThatThrownBy(() -> parse("text/plain", "[{\"type\":\"custom\"}]"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
                    assertThat(e.field()).isEqualTo("Content-Type");
                });
        LogBatchParser small = new LogBatchParser(
                new LogsProperties(10_000, DataSize.ofBytes(100), 1000, Duration.ofHours(1), 50_000,
                    Duration.ofDays(7), Duration.ofDays(1), 2, Duration.ofSeconds(2)));
        byte[] big = ("[{\"type\":\"custom\",\"payload\":{\"x\":\"" + "y".repeat(200) + "\"}}]").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.parse("application/json", -1, new ByteArrayInputStream(big)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
    }

    private void assertField(String body, String field) {
        assertThatThrownBy(() -> parse("application/json", body)).as(body)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private List<NewLogEvent> parse(String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return parser.parse(contentType, bytes.length, new ByteArrayInputStream(bytes));
    }
}
