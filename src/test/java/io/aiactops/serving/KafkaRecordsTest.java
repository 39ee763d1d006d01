package io.aiactops.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.web.InvalidFieldException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Seldon Core 2's records read as request and response halves, and what is refused, naming why. */
class KafkaRecordsTest {

    private static final long SENT_AT = 1_765_000_000_000L;

    @Test
    void aSeldonRequestIsReadAsTheRequestHalfInTheProtocolsJsonForm() throws Exception {
        CloudEvent half = KafkaRecords.seldon(record(SeldonMessages.INPUTS, "0.credit-scoring.req-1",
                SeldonMessages.request("req-1"), SeldonMessages.headers("req-1")));

        assertThat(half.id()).isEqualTo("req-1");
        assertThat(half.type()).isEqualTo(CloudEvent.SELDON_REQUEST);
        assertThat(half.isInferenceHalf()).isTrue();
        assertThat(half.isRequest()).isTrue();
        assertThat(half.time().toEpochMilli()).isEqualTo(SENT_AT);
        assertThat(half.servedBy()).isEqualTo("credit-scoring");
        assertThat(half.extensions()).containsEntry("namespace", "prod").containsEntry(CloudEvent.SELDON_TOPIC,
                SeldonMessages.INPUTS);
        // Compared as text: the reader gives shapes as longs and Jackson's parser gives small ints.
        assertThat(half.data().toString()).isEqualTo(new ObjectMapper().readTree("""
                {"inputs": [{"shape": [1, 3], "name": "features", "datatype": "FP32", "data": [0.25, 1.5, 42.0]},
                            {"shape": [1], "name": "region", "datatype": "BYTES", "data": ["FR-IDF"]}],
                 "model_name": "credit-scoring", "id": "req-1", "parameters": {"content_type": "np"}}""").toString());
    }

    @Test
    void aSeldonResponseIsTheResponseHalfOfTheSameIdAndPairsUnderSeldonsType() {
        CloudEvent half = KafkaRecords.seldon(record(SeldonMessages.OUTPUTS, "0.credit-scoring.req-1",
                SeldonMessages.response("req-1"), SeldonMessages.headers("req-1")));

        assertThat(half.id()).isEqualTo("req-1");
        assertThat(half.isRequest()).isFalse();
        assertThat(half.isInferenceHalf()).isTrue();
        assertThat(half.pairedType()).isEqualTo(CloudEvent.SELDON_INFERENCE);
        JsonNode outputs = half.data().get("outputs");
        assertThat(outputs.get(0).get("data").get(0).asDouble()).isEqualTo(0.73);
        assertThat(outputs.get(1).get("data").get(0).asLong()).isEqualTo(2);
        assertThat(half.data().get("model_version").asText()).isEqualTo("3");
    }

    @Test
    void withoutTheRequestIdHeaderTheKeyIdentifiesItAndWithoutTheSuffixTheInferTypeHeaderTellsTheHalf() {
        CloudEvent half = KafkaRecords.seldon(record("inference-traffic", "req-9", SeldonMessages.response("req-9"),
                Map.of("seldon-infer-type", "proto/InferModelResponse")));

        assertThat(half.id()).isEqualTo("req-9");
        assertThat(half.type()).isEqualTo(CloudEvent.SELDON_RESPONSE);
        assertThat(half.servedBy()).as("the model named in the message").isEqualTo("credit-scoring");
    }

    @Test
    void whatIsNotASeldonRecordIsRefusedNamingWhy() {
        assertThatThrownBy(() -> KafkaRecords.seldon(record(SeldonMessages.INPUTS, null, SeldonMessages.request("r"),
                Map.of()))).isInstanceOf(InvalidFieldException.class).hasMessageContaining("x-request-id");
        assertThatThrownBy(() -> KafkaRecords.seldon(record("inference-traffic", "r", SeldonMessages.request("r"),
                Map.of()))).hasMessageContaining("seldon-infer-type");
        assertThatThrownBy(() -> KafkaRecords.seldon(record(SeldonMessages.INPUTS, "r",
                "{\"inputs\": []}".getBytes(StandardCharsets.UTF_8), Map.of())))
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("value"))
                .hasMessageContaining("ModelInferRequest");
        // A response read as a request has no input tensors: refused, not recorded as an empty request.
        assertThatThrownBy(() -> KafkaRecords.seldon(record(SeldonMessages.INPUTS, "r", new byte[0], Map.of())))
                .hasMessageContaining("at least one of its inputs");
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, text) -> recordHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(topic, 0, 7, SENT_AT, TimestampType.CREATE_TIME, -1, -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, recordHeaders, Optional.empty());
    }
}
