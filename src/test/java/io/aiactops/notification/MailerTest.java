package io.aiactops.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import io.aiactops.support.TestMail;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Against a real SMTP server (GreenMail) and a port where none listens: a failed send is counted in
 * {@code aiact.mails.failed} and still thrown to the retrying job; a sent mail is not counted.
 */
class MailerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aFailedSendIsCountedAndRethrown() throws IOException {
        Mailer mailer = mailerOn(closedPort());

        assertThatThrownBy(() -> mailer.send(List.of("overseer@example.org"), "Review overdue", "text"))
                .isInstanceOf(MailSendException.class);

        assertThat(meters.get(Mailer.MAILS_FAILED).counter().count()).isEqualTo(1.0);
    }

    @Test
    void aSentMailIsDeliveredAndNotCounted() {
        Mailer mailer = mailerOn(TestMail.port());

        mailer.send(List.of("mailer-test@example.org"), "Review overdue (mailer test)", "text");

        assertThat(TestMail.server().getReceivedMessagesForDomain("mailer-test@example.org")).hasSize(1);
        assertThat(meters.get(Mailer.MAILS_FAILED).counter().count()).isZero();
    }

    private Mailer mailerOn(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return new Mailer(sender, mock(IdentityService.class),
                new NotificationProperties("aiact-ops@localhost", "http://localhost:8080"), meters);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
