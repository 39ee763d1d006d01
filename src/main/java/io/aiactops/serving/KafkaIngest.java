package io.aiactops.serving;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.aiactops.logs.LogRegister;
import io.aiactops.logs.NewLogEvent;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Drains each bound topic into the log register: a consumer group shared by all nodes, records
 * appended in batches, the offsets committed only after the register's commit (at least once from
 * Kafka, exactly once in the register through the idempotency key). A record that cannot be read,
 * names no or an unknown system, or is refused by the register goes to the binding's dead-letter
 * topic with the reason in a header, and the partition moves on. A batch that fails on the database
 * is tried again until it goes in: nothing is skipped while the database is away.
 */
class KafkaIngest implements SmartLifecycle {

    /** Header of a dead letter: why it was not recorded, in words. */
    static final String REASON_HEADER = "aiact-dead-letter-reason";
    static final String RECORDS = "aiact.kafka.records";

    private static final Logger log = LoggerFactory.getLogger(KafkaIngest.class);

    private final KafkaIngestProperties properties;
    private final ConsumerFactory<byte[], byte[]> consumers;
    private final KafkaTemplate<byte[], byte[]> deadLetters;
    private final KafkaRecords records;
    private final LogRegister register;
    private final CloudEventIntake intake;
    private final MeterRegistry meters;
    private final List<ConcurrentMessageListenerContainer<byte[], byte[]>> containers = new ArrayList<>();
    private volatile boolean running;

    KafkaIngest(KafkaIngestProperties properties, ConsumerFactory<byte[], byte[]> consumers,
            KafkaTemplate<byte[], byte[]> deadLetters, KafkaRecords records, LogRegister register,
            CloudEventIntake intake, MeterRegistry meters) {
        this.properties = properties;
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.records = records;
        this.register = register;
        this.intake = intake;
        this.meters = meters;
    }

    @Override
    public void start() {
        for (KafkaIngestProperties.Binding binding : properties.bindings()) {
            ContainerProperties container = new ContainerProperties(binding.topic());
            container.setGroupId(properties.groupId());
            container.setAckMode(ContainerProperties.AckMode.BATCH);
            container.setMessageListener((BatchMessageListener<byte[], byte[]>) batch -> accept(binding, batch));
            ConcurrentMessageListenerContainer<byte[], byte[]> listener =
                    new ConcurrentMessageListenerContainer<>(consumers, container);
            listener.setConcurrency(properties.concurrency());
            listener.setBeanName("aiact-kafka-" + binding.topic());
            listener.setCommonErrorHandler(new DefaultErrorHandler(
                    new FixedBackOff(properties.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
            listener.start();
            containers.add(listener);
            log.info("Kafka: topic {} feeds {} as {}, dead letters to {}", binding.topic(),
                    binding.systemFromKey() ? "the system named by each record's key" : binding.system(),
                    binding.recordFormat().wireName(), binding.deadLetters());
        }
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the consumers of the topic's binding are running. */
    boolean consuming(String topic) {
        return running && containers.stream().filter(c -> c.getContainerProperties().getTopics()[0].equals(topic))
                .allMatch(ConcurrentMessageListenerContainer::isRunning);
    }

    /** One poll of one binding; returns once every record is in the register or in the dead-letter topic. */
    void accept(KafkaIngestProperties.Binding binding, List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> bySystem = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            String system = KafkaRecords.system(binding, record);
            if (system == null) {
                deadLetter(binding, record, "the record has no key, and the binding names no system: "
                        + "set aiact.kafka.bindings[].system or key each record by its AI system's id");
            } else {
                bySystem.computeIfAbsent(system, s -> new ArrayList<>()).add(record);
            }
        }
        bySystem.forEach((system, group) -> {
            List<ConsumerRecord<byte[], byte[]>> readable = new ArrayList<>(group.size());
            List<Object> parsed = new ArrayList<>(group.size());
            for (ConsumerRecord<byte[], byte[]> record : group) {
                try {
                    parsed.add(parse(binding, record));
                    readable.add(record);
                } catch (InvalidFieldException e) {
                    deadLetter(binding, record, "not readable as " + binding.recordFormat().wireName() + ": "
                            + e.getMessage());
                }
            }
            record(binding, system, readable, parsed);
        });
    }

    /**
     * Appends a system's readable records in one transaction; where the register refuses one of them,
     * one by one, so that only that one goes to the dead letters.
     */
    private void record(KafkaIngestProperties.Binding binding, String system,
            List<ConsumerRecord<byte[], byte[]>> group, List<Object> parsed) {
        if (group.isEmpty()) {
            return;
        }
        try {
            append(binding, system, parsed);
            count(binding, "recorded", group.size());
        } catch (NotFoundException | ConflictException e) {
            // The system itself is refused (unknown, withdrawn): every record of it, without trying each.
            group.forEach(record -> deadLetter(binding, record, "refused by the register: " + e.getMessage()));
        } catch (InvalidFieldException | DataIntegrityViolationException e) {
            if (group.size() == 1) {
                deadLetter(binding, group.get(0), "refused by the register: " + reason(e));
                return;
            }
            for (int i = 0; i < group.size(); i++) {
                record(binding, system, List.of(group.get(i)), List.of(parsed.get(i)));
            }
        }
    }

    private Object parse(KafkaIngestProperties.Binding binding, ConsumerRecord<byte[], byte[]> record) {
        return switch (binding.recordFormat()) {
            case CLOUDEVENTS -> records.cloudEvents(record);
            case REGISTER_JSON -> records.registerEvent(record);
            case SELDON_V2 -> List.of(KafkaRecords.seldon(record));
        };
    }

    @SuppressWarnings("unchecked")
    private void append(KafkaIngestProperties.Binding binding, String system, List<Object> parsed) {
        String actor = actor(binding);
        switch (binding.recordFormat()) {
            case CLOUDEVENTS, SELDON_V2 -> {
                List<CloudEvent> events = new ArrayList<>();
                parsed.forEach(p -> events.addAll((List<CloudEvent>) p));
                intake.accept(system, actor, events);
            }
            case REGISTER_JSON -> register.ingest(system, actor, parsed.stream().map(NewLogEvent.class::cast).toList());
        }
    }

    /** Who recorded the events, as the register shows it: the topic they came from. */
    static String actor(KafkaIngestProperties.Binding binding) {
        String actor = "kafka:" + binding.topic();
        return actor.length() <= 128 ? actor : actor.substring(0, 128);
    }

    /** Sent and acknowledged by the broker before the batch's offsets are committed, so never lost. */
    private void deadLetter(KafkaIngestProperties.Binding binding, ConsumerRecord<byte[], byte[]> record, String reason) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(binding.deadLetters(), null, record.key(),
                record.value(), record.headers());
        letter.headers().add(new RecordHeader(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8)));
        letter.headers().add(new RecordHeader("aiact-original-topic", record.topic().getBytes(StandardCharsets.UTF_8)));
        letter.headers().add(new RecordHeader("aiact-original-partition",
                Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8)));
        letter.headers().add(new RecordHeader("aiact-original-offset",
                Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8)));
        try {
            deadLetters.send(letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a dead letter to " + binding.deadLetters(), e);
        } catch (ExecutionException | TimeoutException e) {
            // The batch fails and is tried again: the record is neither recorded nor dead-lettered yet.
            throw new IllegalStateException("could not send a dead letter to " + binding.deadLetters(), e);
        }
        count(binding, "dead_letter", 1);
        log.warn("Kafka: {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                binding.deadLetters(), reason);
    }

    private void count(KafkaIngestProperties.Binding binding, String outcome, int n) {
        Counter.builder(RECORDS).description("Kafka records taken from a binding, by outcome")
                .tag("binding", binding.topic()).tag("outcome", outcome).register(meters).increment(n);
    }

    private static String reason(RuntimeException e) {
        return e instanceof InvalidFieldException invalid ? invalid.getMessage()
                : "the database refused the event";
    }
}
