package io.aiactops.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/** A failed send is counted in {@code aiact.mails.failed} and still thrown to the retrying job. */
class MailerTest {

    private final JavaMailSender sender = mock(JavaMailSender.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Mailer mailer = new Mailer(sender, mock(IdentityService.class),
            new NotificationProperties("aiact-ops@localhost", "http://localhost:8080"), meters);

    @Test
    void aFailedSendIsCountedAndRethrown() {
        when(sender.createMimeMessage()).thenReturn(new MimeMessage((Session) null));
        doThrow(new MailSendException("SMTP down")).when(sender).send(any(MimeMessage.class));

        assertThatThrownBy(() -> mailer.send(List.of("overseer@example.org"), "Review overdue", "text"))
                .isInstanceOf(MailSendException.class).hasMessage("SMTP down");

        assertThat(meters.get(Mailer.MAILS_FAILED).counter().count()).isEqualTo(1.0);
    }

    @Test
    void aSentMailIsNotCounted() {
        when(sender.createMimeMessage()).thenReturn(new MimeMessage((Session) null));

        mailer.send(List.of("overseer@example.org"), "Review overdue", "text");

        assertThat(meters.get(Mailer.MAILS_FAILED).counter().count()).isZero();
    }
}
