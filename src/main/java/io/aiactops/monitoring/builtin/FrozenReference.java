package io.aiactops.monitoring.builtin;

import java.time.Instant;
import java.util.Map;

/**
 * A drift monitor's reference distribution, computed once when the monitor is declared and never
 * again: the quantile bin edges and each bin's count ({@code psi}), or each category's count
 * ({@code category_shift}), of the inferences that occurred in [from, to).
 */
record FrozenReference(Instant from, Instant to, long values, double[] edges, long[] bins,
        Map<String, Long> categories) {
}
