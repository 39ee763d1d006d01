package io.aiactops.serving;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;

import io.aiactops.logs.LogBatchParser;
import io.aiactops.logs.NewLogEvent;
import io.aiactops.platform.web.InvalidFieldException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.http.HttpHeaders;

/**
 * Reads one Kafka record of a binding: CloudEvents in the Kafka protocol binding (binary mode with
 * {@code ce_*} headers and the data as the value, or structured mode with a
 * {@code content-type: application/cloudevents+json} header), one register event, or a Seldon Core 2
 * inference request or response. A record that
 * cannot be read raises {@link InvalidFieldException} naming what is wrong, as the HTTP API would.
 */
final class KafkaRecords {

    private static final String KAFKA_PREFIX = "ce_";
    private static final String CONTENT_TYPE = "content-type";
    private static final int MAX_CLIENT_EVENT_ID = 200;
    /** Headers Seldon Core 2 puts on its records (scheduler/pkg/util/ids.go, kafka/gateway/constants.go). */
    private static final String SELDON_REQUEST_ID = "x-request-id";
    private static final String SELDON_INFER_TYPE = "seldon-infer-type";

    private final CloudEventReader cloudEvents;
    private final LogBatchParser registerEvents;

    KafkaRecords(CloudEventReader cloudEvents, LogBatchParser registerEvents) {
        this.cloudEvents = cloudEvents;
        this.registerEvents = registerEvents;
    }

    /** The system a record goes to: the binding's, else the record's key; {@code null} when neither. */
    static String system(KafkaIngestProperties.Binding binding, ConsumerRecord<byte[], byte[]> record) {
        if (!binding.systemFromKey()) {
            return binding.system();
        }
        return record.key() == null || record.key().length == 0 ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    List<CloudEvent> cloudEvents(ConsumerRecord<byte[], byte[]> record) {
        HttpHeaders headers = new HttpHeaders();
        for (Header header : record.headers()) {
            String name = header.key().toLowerCase(java.util.Locale.ROOT);
            String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            if (name.startsWith(KAFKA_PREFIX)) {
                headers.add("ce-" + name.substring(KAFKA_PREFIX.length()), value);
            } else if (name.equals(CONTENT_TYPE)) {
                headers.add(HttpHeaders.CONTENT_TYPE, value);
            }
        }
        return cloudEvents.read(headers, record.value());
    }

    /**
     * A record of Seldon Core 2's Kafka topics ({@code <prefix>.<namespace>.model|pipeline.<name>.inputs|outputs}):
     * an Open Inference Protocol request or response in protobuf, read as the request or response half
     * of a CloudEvent, identified by the {@code x-request-id} header Seldon puts on both (else by the
     * record's key, which Seldon also keeps from request to response). Which half: the topic's suffix,
     * else Seldon's {@code seldon-infer-type} header.
     */
    static CloudEvent seldon(ConsumerRecord<byte[], byte[]> record) {
        String id = header(record, SELDON_REQUEST_ID);
        if (id == null || id.isBlank()) {
            id = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        }
        if (id == null || id.isBlank()) {
            throw new InvalidFieldException("x-request-id", "Seldon's request id was expected in the x-request-id "
                    + "header or as the record's key, and the record has neither");
        }
        String[] parts = record.topic().split("\\.");
        boolean request = isSeldonRequest(record, parts);
        String kind = request ? "ModelInferRequest" : "ModelInferResponse";
        ObjectNode message;
        try {
            message = request ? OpenInferenceProtobuf.request(record.value()) : OpenInferenceProtobuf.response(record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidFieldException("value", "not an Open Inference Protocol " + kind + " in protobuf");
        }
        String tensors = request ? "inputs" : "outputs";
        if (message.get(tensors).isEmpty() && !message.has(request ? "raw_input_contents" : "raw_output_contents")) {
            throw new InvalidFieldException("value", "an Open Inference Protocol " + kind + " with at least one of its "
                    + tensors + " was expected, and the record has none");
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        if (parts.length >= 5) {
            extensions.put("namespace", parts[parts.length - 4]);
            extensions.put("pipeline".equals(parts[parts.length - 3]) ? CloudEvent.SELDON_PIPELINE : CloudEvent.SELDON_MODEL,
                    parts[parts.length - 2]);
        } else if (message.hasNonNull("model_name")) {
            extensions.put(CloudEvent.SELDON_MODEL, message.get("model_name").asText());
        }
        extensions.put(CloudEvent.SELDON_TOPIC, record.topic());
        return new CloudEvent(id, "kafka:" + record.topic(), request ? CloudEvent.SELDON_REQUEST : CloudEvent.SELDON_RESPONSE,
                Instant.ofEpochMilli(record.timestamp()), "application/json", extensions, message, null);
    }

    private static boolean isSeldonRequest(ConsumerRecord<byte[], byte[]> record, String[] topic) {
        String suffix = topic[topic.length - 1];
        if (suffix.equals("inputs") || suffix.equals("outputs")) {
            return suffix.equals("inputs");
        }
        String type = header(record, SELDON_INFER_TYPE);
        if (type != null && (type.endsWith("Request") || type.endsWith("Response"))) {
            return type.endsWith("Request");
        }
        throw new InvalidFieldException("topic", "a Seldon topic ending in .inputs or .outputs, or a seldon-infer-type "
                + "header, was expected to tell a request from a response");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The idempotency key of a register event without a {@code clientEventId} is where it sits in
     * Kafka, which a redelivery repeats; hashed where a long topic name would pass the 200 characters.
     */
    NewLogEvent registerEvent(ConsumerRecord<byte[], byte[]> record) {
        String position = "kafka:" + record.topic() + ":" + record.partition() + ":" + record.offset();
        return registerEvents.event(record.value(), position.length() <= MAX_CLIENT_EVENT_ID ? position
                : "kafka:" + HexFormat.of().formatHex(sha256(position)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
