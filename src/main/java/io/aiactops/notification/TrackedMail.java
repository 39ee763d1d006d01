package io.aiactops.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.aiactops.notification.TrackedRecipients.Recipient;
import io.aiactops.notification.TrackedRecipients.Tracked;
import org.springframework.stereotype.Component;

/**
 * Mails each recipient of a subject not mailed yet, one by one, with a fresh acknowledgement token,
 * recording each outcome. If any failed, it throws once all were tried: the caller is an async job,
 * whose retry mails only those still unsent.
 */
@Component
public class TrackedMail {

    private final TrackedRecipients recipients;

    public TrackedMail(TrackedRecipients recipients) {
        this.recipients = recipients;
    }

    /**
     * @param send mails one recipient given its acknowledgement token; returns the Message-ID
     */
    public void sendToEach(String subject, Supplier<List<Recipient>> everyone, BiFunction<Tracked, String, String> send) {
        List<String> failures = new ArrayList<>();
        for (Tracked recipient : recipients.unsent(subject, everyone)) {
            try {
                recipients.sent(recipient, send.apply(recipient, recipients.mintToken(recipient)));
            } catch (RuntimeException e) {
                recipients.failed(recipient, e.getMessage());
                failures.add(recipient.email() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not mail " + failures.size() + " recipient(s) of " + subject + ": " + failures);
        }
    }

    /**
     * Mails again, with a fresh token, each recipient of the role who has not acknowledged yet; returns
     * false when nobody is left, so the caller can end the wait an acknowledgement may have missed.
     */
    public boolean remindUnacknowledged(String subject, String role, BiFunction<Tracked, String, String> send) {
        List<Tracked> unacknowledged = recipients.unacknowledged(subject, role);
        for (Tracked recipient : unacknowledged) {
            recipients.sent(recipient, send.apply(recipient, recipients.mintToken(recipient)));
        }
        return !unacknowledged.isEmpty();
    }
}
