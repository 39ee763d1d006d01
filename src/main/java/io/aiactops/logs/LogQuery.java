package io.aiactops.logs;

import java.time.Instant;
import java.util.List;

/** Filters of the read API; {@code from}/{@code to} apply to the time the event occurred, {@code to} exclusive. */
record LogQuery(Instant from, Instant to, List<String> types, long afterSeq, int limit) {
}
