package io.aiactops.logs;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event as a reader that needs only a few fields of its payload sees it (the built-in monitors):
 * its place in the chain, its type, when it occurred, and the value at each JSON pointer asked for, in the
 * order asked, a missing node where the payload has none.
 */
public record EventFields(long seq, String type, Instant occurredAt, List<JsonNode> values) {
}
