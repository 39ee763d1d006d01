package io.aiactops.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaIngestPropertiesTest {

    @Test
    void aBindingReadsItsFormatAndDefaultsItsDeadLetterTopic() {
        KafkaIngestProperties.Binding binding = new KafkaIngestProperties.Binding("logs", null, "register-json", null);
        assertThat(binding.recordFormat()).isEqualTo(KafkaIngestProperties.Format.REGISTER_JSON);
        assertThat(binding.deadLetters()).isEqualTo("logs-dlt");
        assertThat(binding.systemFromKey()).isTrue();
        assertThat(new KafkaIngestProperties.Binding("logs", "s", "cloudevents", "rejected").deadLetters())
                .isEqualTo("rejected");
        assertThat(new KafkaIngestProperties.Binding("seldon.prod.model.credit.inputs", "s", "seldon-v2", null)
                .recordFormat()).isEqualTo(KafkaIngestProperties.Format.SELDON_V2);
    }

    @Test
    void anUnsupportedFormatOrAMissingTopicStopsTheStartSayingWhy() {
        assertThatThrownBy(() -> new KafkaIngestProperties.Binding("logs", "s", "seldon-v1", null))
                .hasMessageContaining("'seldon-v1' is not supported").hasMessageContaining("seldon-v2");
        assertThatThrownBy(() -> new KafkaIngestProperties.Binding("logs", "s", null, null))
                .hasMessageContaining("cloudevents, register-json or seldon-v2");
        assertThatThrownBy(() -> new KafkaIngestProperties.Binding(" ", "s", "cloudevents", null))
                .hasMessageContaining("needs a topic");
    }

    @Test
    void aTopicIsBoundOnceAndPollsStayWithinWhatOneAppendTakes() {
        var binding = new KafkaIngestProperties.Binding("logs", "s", "cloudevents", null);
        assertThatThrownBy(() -> properties(500, List.of(binding, binding))).hasMessageContaining("bound once");
        assertThatThrownBy(() -> properties(10_001, List.of(binding))).hasMessageContaining("max-poll-records");
        assertThat(properties(500, List.of(binding)).enabled()).isTrue();
        assertThat(KafkaIngest.actor(new KafkaIngestProperties.Binding("x".repeat(200), "s", "cloudevents", null)))
                .hasSize(128).startsWith("kafka:x");
    }

    private static KafkaIngestProperties properties(int maxPollRecords, List<KafkaIngestProperties.Binding> bindings) {
        return new KafkaIngestProperties("localhost:9092", "aiact-ops", maxPollRecords, 1, Duration.ofSeconds(5),
                Map.of(), bindings);
    }
}
