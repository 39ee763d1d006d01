package io.aiactops.support;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** One real SMTP server (GreenMail) per test JVM; tests read what it received. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** The received mails whose subject matches; GreenMail keeps one copy per recipient. */
    public static List<MimeMessage> received(Predicate<String> subject) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> subject.test(subject(m))).toList();
    }

    /** Waits until at least {@code count} mails whose subject matches have arrived, and returns them all. */
    public static List<MimeMessage> await(String what, Predicate<String> subject, int count) {
        return Await.until(count + " mail(s) " + what, Duration.ofSeconds(30), () -> received(subject),
                found -> found.size() >= count);
    }

    /** A mail's plain text, also where it sits in a multipart nested in the one that holds attachments; null if none. */
    public static String text(Part part) throws MessagingException, IOException {
        if (part.getFileName() == null && part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = text(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The content of the mail's attachment whose file name ends with {@code suffix}. */
    public static byte[] attachment(MimeMessage mail, String suffix) throws MessagingException, IOException {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(suffix)) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("No " + suffix + " attachment in " + mail.getSubject());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
