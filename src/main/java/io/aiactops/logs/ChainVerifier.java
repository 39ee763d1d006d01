package io.aiactops.logs;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recomputes one chain, event by event in sequence order, from the purge anchor to the head, and
 * checks it against the recorded checkpoints. Stops at the first fault, which it names.
 */
final class ChainVerifier {

    private final ChainHead head;
    private final Map<Long, Checkpoint> checkpoints;
    private long expectedSeq;
    private String expectedPrevHash;
    private long checked;
    private Long firstInvalidSeq;
    private String reason;

    ChainVerifier(ChainHead head, List<Checkpoint> checkpoints) {
        this.head = head;
        this.checkpoints = checkpoints.stream().filter(c -> c.seq() > head.anchorSeq())
                .collect(Collectors.toMap(Checkpoint::seq, Function.identity(), (a, b) -> a));
        this.expectedSeq = head.anchorSeq() + 1;
        this.expectedPrevHash = head.anchorHash();
    }

    /** Checks the next event; false once the chain is known to be invalid. */
    boolean accept(LogEvent event) {
        if (firstInvalidSeq != null) {
            return false;
        }
        if (event.seq() != expectedSeq) {
            return fail(expectedSeq, event.seq() > expectedSeq
                    ? "event " + expectedSeq + " is missing (the next stored event is " + event.seq() + ")"
                    : "event " + event.seq() + " appears out of order or twice");
        }
        if (!expectedPrevHash.equals(event.prevHash())) {
            return fail(event.seq(), event.seq() == head.anchorSeq() + 1 && head.anchorSeq() > 0
                    ? "prevHash does not match the retention anchor"
                    : "prevHash does not match the hash of event " + (event.seq() - 1));
        }
        String computed = ChainHash.sha256(ChainHash.envelope(event));
        if (!computed.equals(event.hash())) {
            return fail(event.seq(), "the hash does not match the event's content (altered after it was recorded)");
        }
        Checkpoint checkpoint = checkpoints.get(event.seq());
        if (checkpoint != null && !checkpoint.hash().equals(event.hash())) {
            return fail(event.seq(), "the hash differs from the checkpoint recorded at " + checkpoint.createdAt());
        }
        checked++;
        expectedSeq = event.seq() + 1;
        expectedPrevHash = event.hash();
        return true;
    }

    Verification result() {
        long lastSeq = expectedSeq - 1;
        if (firstInvalidSeq == null && lastSeq != head.lastSeq()) {
            fail(lastSeq + 1, lastSeq < head.lastSeq()
                    ? "the chain head is at event " + head.lastSeq() + " but the stored events end at " + lastSeq
                    : "events were stored beyond the chain head " + head.lastSeq());
        }
        if (firstInvalidSeq == null && !expectedPrevHash.equals(head.lastHash())) {
            fail(lastSeq, "the hash of the last event differs from the chain head");
        }
        if (firstInvalidSeq == null) {
            checkpoints.values().stream().filter(c -> c.seq() > lastSeq).findFirst().ifPresent(c ->
                    fail(lastSeq + 1, "the checkpoint of " + c.createdAt() + " recorded event " + c.seq()
                            + ", but the chain ends at " + lastSeq + " (the tail was truncated)"));
        }
        boolean valid = firstInvalidSeq == null;
        return new Verification(valid, checked, head.lastSeq(), head.lastHash(), firstInvalidSeq, reason,
                head.anchorSeq(), (int) checkpoints.keySet().stream().filter(seq -> seq <= head.lastSeq()).count());
    }

    private boolean fail(long seq, String why) {
        firstInvalidSeq = seq;
        reason = why;
        return false;
    }
}
