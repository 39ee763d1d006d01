package io.aiactops.logs;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recomputes one chain, event by event in sequence order, from a trusted start (the purge anchor,
 * or a checkpoint that still matches its event) to the head, and checks it against the recorded
 * checkpoints. Stops at the first fault, which it names.
 */
final class ChainVerifier {

    /**
     * Where recomputing starts: after {@code seq}, whose hash is {@code hash}. {@code checkpoint} is
     * the checkpoint it came from ({@code null} for the anchor); {@code skipped} counts the newer
     * checkpoints passed over because their event no longer matched them.
     */
    record Start(long seq, String hash, Checkpoint checkpoint, int skipped) {

        static Start anchor(ChainHead head, int skipped) {
            return new Start(head.anchorSeq(), head.anchorHash(), null, skipped);
        }

        static Start checkpoint(Checkpoint checkpoint, int skipped) {
            return new Start(checkpoint.seq(), checkpoint.hash(), checkpoint, skipped);
        }
    }

    private final ChainHead head;
    private final Start start;
    private final Map<Long, Checkpoint> checkpoints;
    private long expectedSeq;
    private String expectedPrevHash;
    private long checked;
    private Long firstInvalidSeq;
    private String reason;

    ChainVerifier(ChainHead head, List<Checkpoint> checkpoints) {
        this(head, checkpoints, Start.anchor(head, 0));
    }

    ChainVerifier(ChainHead head, List<Checkpoint> checkpoints, Start start) {
        this.head = head;
        this.start = start;
        this.checkpoints = checkpoints.stream().filter(c -> c.seq() > start.seq())
                .collect(Collectors.toMap(Checkpoint::seq, Function.identity(), (a, b) -> a));
        this.expectedSeq = start.seq() + 1;
        this.expectedPrevHash = start.hash();
    }

    private final MessageDigest digest = ChainHash.newDigest();
    private final Utf8Buffer envelope = new Utf8Buffer();
    private final StoredEnvelope envelopes = new StoredEnvelope();

    /** Checks the next event; false once the chain is known to be invalid. */
    boolean accept(StoredRow event) {
        if (firstInvalidSeq != null) {
            return false;
        }
        if (event.seq() != expectedSeq) {
            return fail(expectedSeq, event.seq() > expectedSeq
                    ? "event " + expectedSeq + " is missing (the next stored event is " + event.seq() + ")"
                    : "event " + event.seq() + " appears out of order or twice");
        }
        if (!expectedPrevHash.equals(event.prevHash())) {
            return fail(event.seq(), event.seq() != start.seq() + 1 || start.seq() == 0
                    ? "prevHash does not match the hash of event " + (event.seq() - 1)
                    : start.checkpoint() != null
                            ? "prevHash does not match the checkpoint recorded at " + start.checkpoint().createdAt()
                            : "prevHash does not match the retention anchor");
        }
        envelope.truncate(0);
        envelopes.write(event, envelope);
        digest.update(envelope.bytes(), 0, envelope.length());
        if (!ChainHash.hex(digest.digest()).equals(event.hash())) {
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
                head.anchorSeq(), (int) checkpoints.keySet().stream().filter(seq -> seq <= head.lastSeq()).count(),
                start.seq(), start.checkpoint(), start.skipped());
    }

    private boolean fail(long seq, String why) {
        firstInvalidSeq = seq;
        reason = why;
        return false;
    }
}
