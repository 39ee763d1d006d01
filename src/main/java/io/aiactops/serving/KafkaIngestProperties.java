package io.aiactops.serving;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aiact.kafka.*}: the topics whose records go to the log register (docs/integrations.md#kafka).
 * Off unless {@code bootstrap-servers} is set.
 *
 * @param bootstrapServers the brokers, {@code host:port,...}
 * @param groupId the consumer group every node joins, so that each partition is read by one node
 * @param maxPollRecords most records taken from a binding in one poll, appended in one transaction
 * @param concurrency consumers per binding on each node (at most the topic's partitions are busy)
 * @param retryInterval wait before a batch that failed on the database is tried again
 * @param properties further Kafka client settings (security.protocol, sasl.*, ssl.*), passed as they are
 * @param bindings which topic feeds which system, in which format; {@code status-interval} (how often
 *        the lag and health are asked of the brokers) is read by {@link KafkaIngestStatus}
 */
@ConfigurationProperties("aiact.kafka")
record KafkaIngestProperties(String bootstrapServers, @DefaultValue("aiact-ops") String groupId,
        @DefaultValue("500") int maxPollRecords, @DefaultValue("1") int concurrency,
        @DefaultValue("PT5S") Duration retryInterval, @DefaultValue Map<String, String> properties,
        @DefaultValue List<Binding> bindings) {

    KafkaIngestProperties {
        if (maxPollRecords < 1 || maxPollRecords > 10_000) {
            throw new IllegalArgumentException("aiact.kafka.max-poll-records must be between 1 and 10000");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("aiact.kafka.concurrency must be at least 1");
        }
        if (bindings.stream().map(Binding::topic).distinct().count() != bindings.size()) {
            throw new IllegalArgumentException("aiact.kafka.bindings: a topic may be bound once");
        }
    }

    boolean enabled() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }

    /** How a topic's records are read. */
    enum Format {
        /** CloudEvents 1.0 in the Kafka protocol binding's binary ({@code ce_*} headers) or structured mode. */
        CLOUDEVENTS,
        /** One event per record, as one element of {@code POST /api/systems/{id}/logs}. */
        REGISTER_JSON,
        /** Seldon Core 2's model or pipeline topics: Open Inference Protocol requests and responses in protobuf. */
        SELDON_V2;

        static Format of(String name) {
            for (Format format : values()) {
                if (format.wireName().equals(name)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("aiact.kafka.bindings: format '" + name + "' is not supported; use "
                    + "cloudevents, register-json or seldon-v2");
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One topic. {@code system} empty: each record's key names its system. {@code deadLetterTopic}
     * empty: the topic's name with {@code -dlt}.
     */
    record Binding(String topic, String system, String format, String deadLetterTopic) {

        Binding {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("aiact.kafka.bindings: each binding needs a topic");
            }
            Format.of(format == null ? "" : format);
        }

        Format recordFormat() {
            return Format.of(format);
        }

        String deadLetters() {
            return deadLetterTopic == null || deadLetterTopic.isBlank() ? topic + "-dlt" : deadLetterTopic;
        }

        boolean systemFromKey() {
            return system == null || system.isBlank();
        }
    }
}
