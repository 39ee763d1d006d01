package io.aiactops.oversight;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aiact.oversight.*}: how soon a review is due per severity, how long the serving layer has
 * to confirm a stop, and the serving layers' optional stop webhooks per AI system.
 */
@ConfigurationProperties("aiact.oversight")
public record OversightProperties(
        @DefaultValue("PT4H") Duration criticalReviewDue,
        @DefaultValue("P2D") Duration warningReviewDue,
        @DefaultValue("PT15M") Duration safeStateConfirmationTimeout,
        Map<String, StopWebhookTarget> stopWebhooks) {

    public OversightProperties {
        stopWebhooks = stopWebhooks == null ? Map.of() : Map.copyOf(stopWebhooks);
    }

    /** Where a system's serving layer takes stop orders; the optional bearer token is sent as Authorization. */
    public record StopWebhookTarget(String url, String bearerToken) {
    }

    public Duration reviewDue(Severity severity) {
        return severity == Severity.CRITICAL ? criticalReviewDue : warningReviewDue;
    }
}
