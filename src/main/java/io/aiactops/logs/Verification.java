package io.aiactops.logs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of recomputing a chain: {@code firstInvalidSeq} and {@code reason} are {@code null}
 * when it is valid. {@code anchorSeq} is the last purged sequence number (0 if nothing was purged).
 * {@code startedAfterSeq} is where recomputing started: the anchor for a full verification, the
 * checkpoint {@code fromCheckpoint} for an incremental one (docs/log-register.md); newer checkpoints
 * that no longer matched their event are counted in {@code checkpointsSkipped}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Verification(boolean valid, long eventsChecked, long headSeq, String headHash, Long firstInvalidSeq,
        String reason, long anchorSeq, int checkpointsChecked, long startedAfterSeq, Checkpoint fromCheckpoint,
        int checkpointsSkipped) {
}
