package io.aiactops.logs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the daily verification of every chain ({@code aiact.logs.verification.*},
 * docs/operations.md).
 *
 * @param cron when every chain is verified incrementally, once across all nodes
 * @param lease how long one node's claim of a run keeps the other nodes from running it too; keep it
 *        shorter than the period of {@code cron} and longer than the nodes' clocks and schedules differ
 * @param mailRetry how often a failure that could not be mailed yet is mailed again
 * @param metricsRefresh how often each node reads the latest results for {@code aiact_log_chain_valid}
 */
@ConfigurationProperties("aiact.logs.verification")
record ChainVerificationProperties(@DefaultValue("0 15 3 * * *") String cron, @DefaultValue("PT1H") Duration lease,
        @DefaultValue("PT15M") Duration mailRetry, @DefaultValue("PT1M") Duration metricsRefresh) {
}
