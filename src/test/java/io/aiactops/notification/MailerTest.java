package io.aiactops.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

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

    @Test
    void aGroupWithoutMembersInTheIdentityServiceIsReachedThroughItsMailbox() {
        // Under single sign-on the identity tables hold no members: the provider knows them, only in tokens.
        IdentityService noMembers = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        when(noMembers.createUserQuery().memberOfGroup(anyString()).list()).thenReturn(List.of());
        Mailer mailer = new Mailer(sender(TestMail.port()), noMembers, new NotificationProperties("aiact-ops@localhost",
                "http://localhost:8080", Map.of("ai-overseers", "overseers-mailer-test@example.org")), meters);

        List<String> recipients = mailer.toGroups(List.of("ai-overseers"), "Reminder: review due (mailer test)", "text");

        assertThat(recipients).containsExactly("overseers-mailer-test@example.org");
        assertThat(TestMail.server().getReceivedMessagesForDomain("overseers-mailer-test@example.org")).hasSize(1);
        assertThatThrownBy(() -> mailer.toGroups(List.of("auditors"), "Reminder without mailbox", "text"))
                .isInstanceOf(IllegalStateException.class);
    }

    private Mailer mailerOn(int port) {
        return new Mailer(sender(port), mock(IdentityService.class),
                new NotificationProperties("aiact-ops@localhost", "http://localhost:8080", Map.of()), meters);
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
