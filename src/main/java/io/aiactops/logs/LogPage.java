package io.aiactops.logs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of events; pass {@code nextAfterSeq} as {@code afterSeq} for the next, {@code null} at the end. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record LogPage(List<LogEvent> events, Long nextAfterSeq) {
}
