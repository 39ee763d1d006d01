package io.aiactops.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server for outage tests, on a port of its own: it can be taken down (the port refuses
 * connections) and brought back on the same port, and it can refuse chosen recipients with a 550. The
 * shared GreenMail server stays untouched, so other tests in the same JVM are not affected.
 */
public final class FakeSmtp implements AutoCloseable {

    /** A mail as received: its envelope recipients and its subject. */
    public record Mail(List<String> recipients, String subject) {
    }

    private final int port;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<Mail> received = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    private FakeSmtp(int port) {
        this.port = port;
    }

    public static FakeSmtp start() {
        FakeSmtp smtp = new FakeSmtp(0);
        smtp.listen(0);
        return smtp;
    }

    public int port() {
        return server == null ? port : server.getLocalPort();
    }

    /** The port refuses connections until {@link #up()}. */
    public synchronized void down() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void up() {
        if (server == null || server.isClosed()) {
            listen(server == null ? 0 : server.getLocalPort());
        }
    }

    /** RCPT TO of this address gets a 550 until {@link #accept}. */
    public void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    public void accept(String address) {
        refused.remove(address.toLowerCase(Locale.ROOT));
    }

    public List<Mail> received() {
        return List.copyOf(received);
    }

    /** How many mails went to this recipient with this text in their subject. */
    public long count(String recipient, String subjectPart) {
        return received.stream().filter(m -> m.recipients().contains(recipient.toLowerCase(Locale.ROOT))
                && m.subject().contains(subjectPart)).count();
    }

    @Override
    public void close() {
        down();
    }

    private void listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", onPort));
            server = socket;
            Thread acceptor = new Thread(() -> accept(socket), "fake-smtp-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> session(client), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 fake-smtp ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 fake-smtp");
                } else if (command.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                    if (refused.contains(address)) {
                        reply(out, "550 5.1.1 <" + address + ">: recipient refused");
                    } else {
                        recipients.add(address);
                        reply(out, "250 OK");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    String subject = "";
                    boolean headers = true;
                    boolean inSubject = false;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (headers && line.isEmpty()) {
                            headers = false;
                        } else if (headers && line.regionMatches(true, 0, "Subject:", 0, 8)) {
                            subject = line.substring(8).trim();
                            inSubject = true;
                        } else if (headers && inSubject && (line.startsWith(" ") || line.startsWith("\t"))) {
                            subject = subject + " " + line.trim();
                        } else {
                            inSubject = false;
                        }
                    }
                    received.add(new Mail(List.copyOf(recipients), decode(subject)));
                    recipients.clear();
                    reply(out, "250 OK queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else {
                    // RFC 5321 4.2.4: what a server answers to a command it does not know (e.g. AUTH here).
                    reply(out, "500 Syntax error, command unrecognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String decode(String header) {
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(header);
        } catch (java.io.UnsupportedEncodingException e) {
            return header;
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
