package io.aiactops.logs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the log register ({@code aiact.logs.*}, docs/operations.md).
 *
 * @param maxEventsPerRequest largest batch the ingest API takes
 * @param maxRequestSize largest ingest body, JSON or NDJSON
 * @param maxPageSize largest {@code limit} of the read API
 * @param checkpointInterval how often each chain's head is recorded as a checkpoint
 * @param purgeBatchSize events deleted per purge transaction
 * @param idempotencyWindow how long a client event id is recognized as a repeat (docs/log-register.md)
 * @param maxReadWindow widest {@code from}/{@code to} window of {@code GET .../logs}; wider periods are
 *        exported ({@code GET .../logs/export?from=&to=})
 * @param partitionsAhead monthly partitions kept ready after the current month (PostgreSQL)
 * @param partitionDropLockTimeout longest a partition drop waits for its lock, during which appends wait
 *        behind it; a drop that times out is tried again at the next purge
 */
@ConfigurationProperties("aiact.logs")
record LogsProperties(@DefaultValue("10000") int maxEventsPerRequest, @DefaultValue("32MB") DataSize maxRequestSize,
        @DefaultValue("1000") int maxPageSize, @DefaultValue("PT1H") Duration checkpointInterval,
        @DefaultValue("50000") int purgeBatchSize, @DefaultValue("P7D") Duration idempotencyWindow,
        @DefaultValue("P1D") Duration maxReadWindow, @DefaultValue("2") int partitionsAhead,
        @DefaultValue("PT2S") Duration partitionDropLockTimeout) {
}
