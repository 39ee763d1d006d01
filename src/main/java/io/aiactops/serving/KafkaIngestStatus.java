package io.aiactops.serving;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Each binding's lag (records in its topic not yet committed by the consumer group, all nodes
 * together), exported as {@code aiact_kafka_lag{binding}}, and its state for /actuator/health: DOWN
 * while the brokers cannot be reached or the topic does not exist, one component per binding
 * ({@code kafka/<topic>}). Asked of the brokers on a
 * schedule, so that neither a scrape nor a health check waits for Kafka.
 */
class KafkaIngestStatus implements CompositeHealthContributor {

    static final String LAG = "aiact.kafka.lag";
    private static final long TIMEOUT_SECONDS = 5;

    /** What was last learnt of one binding; {@code error} null when it was reached. */
    record BindingState(long lag, String error) {
    }

    private final KafkaIngestProperties properties;
    private final Admin admin;
    private final KafkaIngest ingest;
    private final Map<String, BindingState> states = new ConcurrentHashMap<>();

    KafkaIngestStatus(KafkaIngestProperties properties, Admin admin, KafkaIngest ingest, MeterRegistry meters) {
        this.properties = properties;
        this.admin = admin;
        this.ingest = ingest;
        for (KafkaIngestProperties.Binding binding : properties.bindings()) {
            Gauge.builder(LAG, () -> {
                BindingState state = states.get(binding.topic());
                return state == null || state.error() != null ? Double.NaN : state.lag();
            }).description("Records of the binding's topic the register has not taken yet (all partitions, all nodes)")
                    .tag("binding", binding.topic()).register(meters);
        }
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${aiact.kafka.status-interval:PT15S}")
    void refresh() {
        for (KafkaIngestProperties.Binding binding : properties.bindings()) {
            states.put(binding.topic(), state(binding.topic()));
        }
    }

    BindingState state(String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            Set<TopicPartition> partitions = description.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(properties.groupId())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                // Never committed: the group starts at the earliest record still in the topic.
                long from = done != null ? done.offset() : starts.get(partition).offset();
                lag += Math.max(0, ends.get(partition).offset() - from);
            }
            return new BindingState(lag, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BindingState(0, "interrupted");
        } catch (ExecutionException e) {
            return new BindingState(0, e.getCause().getMessage());
        } catch (TimeoutException e) {
            return new BindingState(0, "the brokers " + properties.bootstrapServers() + " did not answer within "
                    + TIMEOUT_SECONDS + " s");
        }
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(Set<TopicPartition> partitions,
            OffsetSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public HealthContributor getContributor(String topic) {
        return properties.bindings().stream().anyMatch(b -> b.topic().equals(topic)) ? indicator(topic) : null;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return properties.bindings().stream()
                .map(b -> NamedContributor.<HealthContributor>of(b.topic(), indicator(b.topic()))).iterator();
    }

    /** DOWN while its brokers or topic cannot be reached or its consumers are not running; UNKNOWN until first asked. */
    private HealthIndicator indicator(String topic) {
        return () -> {
            BindingState state = states.get(topic);
            if (state == null) {
                return Health.unknown().build();
            }
            if (state.error() != null) {
                return Health.down().withDetail("error", state.error()).build();
            }
            if (!ingest.consuming(topic)) {
                return Health.down().withDetail("error", "its consumers are not running").build();
            }
            return Health.up().withDetail("lag", state.lag()).build();
        };
    }
}
