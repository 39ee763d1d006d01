package io.aiactops.serving;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records each KServe half that waited {@code aiact.serving.pairing-wait} for its partner alone, and
 * forgets settled pairs after {@code pairing-retention}. Safe on several nodes: each id is locked and
 * checked again in its own transaction, so a node that comes second finds nothing left to do.
 */
@Component
class LoneHalfSweeper {

    /** The register's actor of a half recorded alone: the pairing, not the client that sent it. */
    static final String ACTOR = "aiact-ops:cloudevent-pairing";
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(LoneHalfSweeper.class);

    private final InferencePairs pairs;
    private final CloudEventIntake intake;
    private final ServingProperties properties;
    private final Clock clock;

    LoneHalfSweeper(InferencePairs pairs, CloudEventIntake intake, ServingProperties properties, Clock clock) {
        this.pairs = pairs;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aiact.serving.sweep-interval:PT30S}",
            initialDelayString = "${aiact.serving.sweep-interval:PT30S}")
    public int sweep() {
        Instant now = clock.instant();
        List<InferencePairs.Key> due = pairs.due(now, BATCH);
        int recorded = 0;
        for (InferencePairs.Key key : due) {
            try {
                recorded += intake.recordAlone(key, ACTOR) ? 1 : 0;
            } catch (RuntimeException e) {
                // A withdrawn system, a database fault: try this id again after another wait, not in a hot loop.
                log.warn("Could not record the unpaired CloudEvent half {} of {}; trying again in {}", key.ceId(),
                        key.systemId(), properties.pairingWait(), e);
                pairs.reschedule(key, now.plus(properties.pairingWait()));
            }
        }
        int pruned = pairs.prune(now.minus(properties.pairingRetention()));
        if (recorded > 0 || pruned > 0) {
            log.info("CloudEvent pairing: {} half(s) recorded alone after {}, {} settled pair(s) forgotten", recorded,
                    properties.pairingWait(), pruned);
        }
        return recorded;
    }
}
