package io.aiactops.notification;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends plain-text mail through Spring Mail. Failures are thrown, never swallowed: callers run in
 * async process jobs whose retry cycle and Cockpit incident make an SMTP outage visible.
 */
@Service
public class Mailer {

    /** Mails that could not be built or sent (each retry of a job counts again). */
    static final String MAILS_FAILED = "aiact.mails.failed";

    private final JavaMailSender sender;
    private final IdentityService identityService;
    private final NotificationProperties properties;
    private final Counter failed;

    Mailer(JavaMailSender sender, IdentityService identityService, NotificationProperties properties,
            MeterRegistry meters) {
        this.sender = sender;
        this.identityService = identityService;
        this.properties = properties;
        this.failed = Counter.builder(MAILS_FAILED).description("Mails that could not be built or sent, retries included")
                .register(meters);
    }

    /** A link into our web UI, e.g. {@code link("/camunda/app/tasklist/")}. */
    public String link(String path) {
        return properties.baseUrl().replaceAll("/+$", "") + path;
    }

    /**
     * Mails every member of the given groups who has an address, and each group's configured mailbox;
     * returns the recipients. Fails when nobody can be reached, so that an escalation without a
     * recipient becomes an incident.
     */
    public List<String> toGroups(List<String> groupIds, String subject, String text) {
        List<String> recipients = groupIds.stream()
                .flatMap(group -> Stream.concat(
                        identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getEmail),
                        Stream.ofNullable(properties.groupMailboxes().get(group))))
                .filter(Objects::nonNull)
                .filter(email -> !email.isBlank())
                .distinct()
                .sorted()
                .toList();
        if (recipients.isEmpty()) {
            throw new IllegalStateException("Nobody in " + groupIds + " has an e-mail address for: " + subject);
        }
        send(recipients, subject, text);
        return recipients;
    }

    /**
     * Base64, always: a text attachment sent as 7bit or quoted-printable arrives with its line ends
     * rewritten, and its recipient could not check its hash against what we recorded.
     */
    private static MimeBodyPart part(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName());
        part.setDisposition(Part.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** A file sent with a mail, e.g. a report as JSON and as HTML. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** One message to all recipients (each sees the others: they act on the same case). */
    public String send(List<String> recipients, String subject, String text) {
        return send(recipients, subject, text, List.of());
    }

    /** As {@link #send(List, String, String)}, with attachments; returns the message's Message-ID. */
    public String send(List<String> recipients, String subject, String text, List<Attachment> attachments) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(text, false);
            for (Attachment attachment : attachments) {
                helper.getRootMimeMultipart().addBodyPart(part(attachment));
            }
            sender.send(message);
            return message.getMessageID();
        } catch (MessagingException e) {
            failed.increment();
            throw new MailSendException("Could not build mail '" + subject + "'", e);
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        }
    }
}
