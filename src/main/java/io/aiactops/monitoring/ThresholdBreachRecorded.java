package io.aiactops.monitoring;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.aiactops.oversight.Breach;

/**
 * What the register keeps of a threshold breach (event type {@code threshold_breach}): found by our
 * thresholds in a signal ({@code signalId}, empty where the platform sent none), or reported by
 * Alertmanager (the alert's status, fingerprint, times, labels, annotations and link). Hashed into the
 * chain for ever: a field is never renamed and an absent value is left out ({@code SignalPayloadsTest}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThresholdBreachRecorded(String metric, String category, Double value, String severity,
        String rationale, String observedAt, String source, String signalId, String alertStatus, String fingerprint,
        String startsAt, String endsAt, Map<String, String> labels, Map<String, String> annotations,
        String generatorURL) {

    static ThresholdBreachRecorded fromSignal(Breach breach, String signalId) {
        return new ThresholdBreachRecorded(breach.metric(), breach.category(), breach.value(),
                breach.severity().wireName(), breach.rationale(), breach.observedAt().toString(), breach.source(),
                signalId == null ? "" : signalId, null, null, null, null, null, null, null);
    }

    static ThresholdBreachRecorded fromAlert(Breach breach, String status, String fingerprint, Instant startsAt,
            Instant endsAt, Map<String, String> labels, Map<String, String> annotations, String generatorURL) {
        return new ThresholdBreachRecorded(breach.metric(), breach.category(), breach.value(),
                breach.severity().wireName(), breach.rationale(), breach.observedAt().toString(), breach.source(), null,
                status, fingerprint, startsAt.toString(), endsAt == null ? null : endsAt.toString(), labels,
                annotations, generatorURL);
    }
}
