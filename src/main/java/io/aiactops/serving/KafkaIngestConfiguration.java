package io.aiactops.serving;

import java.util.HashMap;
import java.util.Map;

import io.aiactops.logs.LogBatchParser;
import io.aiactops.logs.LogRegister;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The Kafka consumer of the log register, present only when {@code aiact.kafka.bootstrap-servers} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "aiact.kafka", name = "bootstrap-servers")
class KafkaIngestConfiguration {

    @Bean
    KafkaIngest kafkaIngest(KafkaIngestProperties properties, CloudEventReader reader, LogBatchParser parser,
            LogRegister register, CloudEventIntake intake, MeterRegistry meters) {
        Map<String, Object> consumer = common(properties);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        // Offsets are committed by the listener container after the register's commit, never on a timer.
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producer = common(properties);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaIngest(properties,
                new DefaultKafkaConsumerFactory<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(),
                        new ByteArraySerializer())),
                new KafkaRecords(reader, parser), register, intake, meters);
    }

    /** Named so that /actuator/health shows it as "kafka". */
    @Bean(name = "kafkaHealthIndicator", destroyMethod = "")
    KafkaIngestStatus kafkaIngestStatus(KafkaIngestProperties properties, Admin kafkaAdmin, KafkaIngest ingest,
            MeterRegistry meters) {
        return new KafkaIngestStatus(properties, kafkaAdmin, ingest, meters);
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(KafkaIngestProperties properties) {
        return Admin.create(common(properties));
    }

    private static Map<String, Object> common(KafkaIngestProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.properties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        return config;
    }
}
