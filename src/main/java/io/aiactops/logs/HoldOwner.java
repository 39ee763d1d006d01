package io.aiactops.logs;

import java.util.Optional;

/**
 * A capability whose evidence holds are released by a rule of its own, not by hand: a serious-incident
 * case's hold (Art. 73(6)) is released once the authorities are informed of a planned change, or when the
 * case closes. {@link EvidenceHolds#releaseByHand} asks every owner before a release through the API.
 */
public interface HoldOwner {

    /** Why this hold is not released by hand, and where it is released; empty if it is not this owner's. */
    Optional<String> releasedOnlyBy(EvidenceHold hold);
}
