package io.aiactops.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aiact.notification.*}: the sender of our mails and the base URL that links in them point
 * to (Tasklist, case board).
 */
@ConfigurationProperties("aiact.notification")
public record NotificationProperties(
        @DefaultValue("aiact-ops@localhost") String from,
        @DefaultValue("http://localhost:8080") String baseUrl) {
}
