package io.aiactops.monitoring;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the register keeps of a monitoring signal (event type {@code monitoring_signal}), written by
 * the signal intake and read back by the effectiveness KPIs. Hashed into the chain for ever: a field is
 * never renamed and an absent value is left out, as it always was ({@code SignalPayloadsTest} pins it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonitoringSignalRecorded(String metric, String category, BigDecimal value, String window,
        Map<String, String> labels, String source, String signalId) {

    static MonitoringSignalRecorded of(NewSignal signal) {
        return new MonitoringSignalRecorded(signal.metric(), signal.category().wireName(), signal.value(),
                signal.window() == null ? null : signal.window().toString(), signal.labels(), signal.source(),
                signal.signalId());
    }
}
