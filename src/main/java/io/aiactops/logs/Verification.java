package io.aiactops.logs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of recomputing a chain: {@code firstInvalidSeq} and {@code reason} are {@code null}
 * when it is valid. {@code anchorSeq} is the last purged sequence number (0 if nothing was purged).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Verification(boolean valid, long eventsChecked, long headSeq, String headHash, Long firstInvalidSeq,
        String reason, long anchorSeq, int checkpointsChecked) {
}
