package io.aiactops.serving;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.aiactops.logs.LogBatchParser;
import io.aiactops.logs.NewLogEvent;
import io.aiactops.platform.web.InvalidFieldException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.http.HttpHeaders;

/**
 * Reads one Kafka record of a binding: CloudEvents in the Kafka protocol binding (binary mode with
 * {@code ce_*} headers and the data as the value, or structured mode with a
 * {@code content-type: application/cloudevents+json} header), or one register event. A record that
 * cannot be read raises {@link InvalidFieldException} naming what is wrong, as the HTTP API would.
 */
final class KafkaRecords {

    private static final String KAFKA_PREFIX = "ce_";
    private static final String CONTENT_TYPE = "content-type";
    private static final int MAX_CLIENT_EVENT_ID = 200;

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
