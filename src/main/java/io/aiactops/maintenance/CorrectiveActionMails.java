package io.aiactops.maintenance;

import java.util.List;

import io.aiactops.notification.Mailer;
import io.aiactops.notification.TrackedRecipients;
import org.springframework.stereotype.Component;

/** The mails of a corrective action: the Art. 20 information and the recall reminder, each with its acknowledgement link. */
@Component
class CorrectiveActionMails {

    private final Mailer mailer;

    CorrectiveActionMails(Mailer mailer) {
        this.mailer = mailer;
    }

    /** Returns the Message-ID. */
    String inform(CorrectiveAction action, TrackedRecipients.Tracked recipient, String token) {
        boolean recall = "recall".equals(action.action());
        return mailer.send(List.of(recipient.email()),
                (recall ? "RECALL: stop using AI system %s (corrective action %s)" : "Corrective action %2$s on AI system %1$s")
                        .formatted(action.aiSystemId(), action.id()),
                """
                Dear %s,

                As provider of the high-risk AI system %s, we inform you as %s (Art. 20 of Regulation (EU) 2024/1689)
                of the corrective action %s: %s.
                %s
                Why: %s
                Decision: %s

                Please acknowledge that you received this information: %s
                """.formatted(recipient.name(), action.aiSystemId(), recipient.role().toLowerCase().replace('_', ' '),
                        action.id(), action.action().replace('_', ' '),
                        recall ? "\nStop using the system now and confirm it by acknowledging this message.\n" : "",
                        action.reason(), action.rationale(), link(token)));
    }

    String remindRecall(CorrectiveAction action, TrackedRecipients.Tracked recipient, String token) {
        return mailer.send(List.of(recipient.email()),
                "Reminder — RECALL: stop using AI system %s (corrective action %s)".formatted(action.aiSystemId(), action.id()),
                """
                Dear %s,

                We have not yet received your acknowledgement of the recall of AI system %s (corrective action %s).
                Stop using the system and acknowledge here: %s
                """.formatted(recipient.name(), action.aiSystemId(), action.id(), link(token)));
    }

    private String link(String token) {
        return mailer.link("/acknowledgements/" + token);
    }
}
