package io.aiactops.logs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of an append, sent after the commit. {@code firstSeq}/{@code lastSeq} are {@code null}
 * when every event was a duplicate; {@code duplicates} names the events not stored again.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AppendResult(Long firstSeq, Long lastSeq, String headHash, int appended, List<Duplicate> duplicates) {

    /** The event at {@code index} of the request repeats a client event id stored as {@code seq}. */
    public record Duplicate(int index, String clientEventId, long seq) {
    }
}
