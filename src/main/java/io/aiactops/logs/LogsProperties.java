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
 */
@ConfigurationProperties("aiact.logs")
record LogsProperties(@DefaultValue("10000") int maxEventsPerRequest, @DefaultValue("32MB") DataSize maxRequestSize,
        @DefaultValue("1000") int maxPageSize, @DefaultValue("PT1H") Duration checkpointInterval,
        @DefaultValue("50000") int purgeBatchSize) {
}
