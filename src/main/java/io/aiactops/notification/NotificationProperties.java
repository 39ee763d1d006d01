package io.aiactops.notification;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aiact.notification.*}: the sender of our mails and the base URL that links in them point
 * to (Tasklist, case board), and a shared mailbox per group: under single sign-on the identity
 * service knows no group members, so reminders and escalations to a group go there.
 */
@ConfigurationProperties("aiact.notification")
public record NotificationProperties(
        @DefaultValue("aiact-ops@localhost") String from,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue Map<String, String> groupMailboxes) {
}
