package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void anIntactChainIsValid() {
        List<LogEvent> chain = chain(5);

        Verification result = verify(head(chain), chain, List.of(checkpoint(chain.get(2))));

        assertThat(result.valid()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.checkpointsChecked()).isEqualTo(1);
        assertThat(result.firstInvalidSeq()).isNull();
    }

    @Test
    void anEditedPayloadIsNamedByItsSequenceNumber() {
        List<LogEvent> chain = chain(5);
        ChainHead head = head(chain);
        LogEvent third = chain.get(2);
        chain.set(2, new LogEvent(third.systemId(), 3, third.type(), third.occurredAt(), third.recordedAt(), null,
                third.actor(), null, payload(999), third.prevHash(), third.hash()));

        Verification result = verify(head, chain, List.of());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSeq()).isEqualTo(3);
        assertThat(result.reason()).contains("altered");
    }

    @Test
    void aDeletedEventIsAGap() {
        List<LogEvent> chain = chain(5);
        ChainHead head = head(chain);
        chain.remove(1);

        Verification result = verify(head, chain, List.of());

        assertThat(result.firstInvalidSeq()).isEqualTo(2);
        assertThat(result.reason()).contains("missing");
    }

    @Test
    void aTruncatedTailIsCaughtByTheHeadOrACheckpoint() {
        List<LogEvent> chain = chain(5);
        Checkpoint atFive = checkpoint(chain.get(4));
        List<LogEvent> cut = chain.subList(0, 3);

        assertThat(verify(head(chain), cut, List.of()).firstInvalidSeq()).isEqualTo(4);
        // Even when the head row was rewound as well, the checkpoint still remembers event 5.
        Verification rewound = verify(head(cut), cut, List.of(atFive));
        assertThat(rewound.valid()).isFalse();
        assertThat(rewound.firstInvalidSeq()).isEqualTo(4);
        assertThat(rewound.reason()).contains("truncated");
    }

    @Test
    void aPurgedChainVerifiesFromItsAnchor() {
        List<LogEvent> chain = chain(5);
        LogEvent last = chain.get(4);
        ChainHead purged = new ChainHead("s", 5, last.hash(), 2, chain.get(1).hash());

        Verification result = verify(purged, chain.subList(2, 5), List.of(checkpoint(chain.get(0))));

        assertThat(result.valid()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(3);
        assertThat(result.anchorSeq()).isEqualTo(2);
    }

    private static Verification verify(ChainHead head, List<LogEvent> events, List<Checkpoint> checkpoints) {
        ChainVerifier verifier = new ChainVerifier(head, checkpoints);
        events.forEach(event -> verifier.accept(stored(event)));
        return verifier.result();
    }

    /** As H2 gives it back: the payload's canonical text. */
    private static StoredRow stored(LogEvent e) {
        return new StoredRow(e.systemId(), e.seq(), e.type(), ChainHash.timestamp(e.occurredAt()),
                ChainHash.timestamp(e.recordedAt()), e.modelVersion(), e.actor(), e.clientEventId(),
                CanonicalJson.write(e.payload()), e.prevHash(), e.hash());
    }

    private static ChainHead head(List<LogEvent> chain) {
        LogEvent last = chain.get(chain.size() - 1);
        return new ChainHead("s", last.seq(), last.hash(), 0, ChainHash.GENESIS);
    }

    private static Checkpoint checkpoint(LogEvent event) {
        return new Checkpoint(event.seq(), event.hash(), T0);
    }

    private static List<LogEvent> chain(int length) {
        List<LogEvent> events = new ArrayList<>();
        String prev = ChainHash.GENESIS;
        for (long seq = 1; seq <= length; seq++) {
            Instant at = T0.plusSeconds(seq);
            ObjectNode payload = payload(seq);
            String hash = ChainHash.sha256(ChainHash.envelope("s", seq, "custom", ChainHash.timestamp(at),
                    ChainHash.timestamp(at), null, "tester", null, CanonicalJson.write(payload), prev));
            events.add(new LogEvent("s", seq, "custom", at, at, null, "tester", null, payload, prev, hash));
            prev = hash;
        }
        return events;
    }

    private static ObjectNode payload(long n) {
        return JsonNodeFactory.instance.objectNode().put("n", n);
    }
}
