package io.aiactops.monitoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One validated monitoring signal as a platform sent it; {@code signalId} makes a resend harmless. */
public record NewSignal(String metric, SignalCategory category, BigDecimal value, Instant observedAt, Duration window,
        String modelVersion, Map<String, String> labels, String source, String signalId) {

    /**
     * The source of the built-in monitors' signals, and the prefix of their signal ids: where a changed
     * monitor continues and which window a signal is. Only aiact-ops sends it.
     */
    public static final String BUILTIN_SOURCE = "builtin";
}
