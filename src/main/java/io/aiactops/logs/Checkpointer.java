package io.aiactops.logs;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records each chain's head periodically ({@code aiact.logs.checkpoint-interval}, default hourly). */
@Component
class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final LogEventStore store;
    private final Clock clock;

    Checkpointer(LogEventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aiact.logs.checkpoint-interval:PT1H}",
            initialDelayString = "${aiact.logs.checkpoint-interval:PT1H}")
    @Transactional
    public int checkpoint() {
        int recorded = store.checkpointMovedHeads(clock.instant());
        if (recorded > 0) {
            log.info("Recorded {} log register checkpoint(s)", recorded);
        }
        return recorded;
    }
}
