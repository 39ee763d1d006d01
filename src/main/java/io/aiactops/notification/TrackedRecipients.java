package io.aiactops.notification;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.aiactops.platform.Sha256;
import io.aiactops.platform.jdbc.JdbcTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails whose delivery, and where asked for, acknowledgement must be shown per recipient (Art. 20
 * information, recalls, instructions for use). A subject is what the mails are about, e.g. a case id.
 * Each step commits on its own: once a mail went, a failure of the next one must not undo the record.
 */
@Service
public class TrackedRecipients {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Someone to inform. */
    public record Recipient(String role, String name, String email) {
    }

    /** A recipient of a subject and what became of its mail. */
    public record Tracked(long id, String subject, String role, String name, String email, Instant attemptedAt,
            Instant sentAt, String failure, Instant acknowledgedAt) {
    }

    /** An acknowledgement taken; {@code first} is false when it had been given before. */
    public record Acknowledgement(Tracked recipient, boolean first) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TrackedRecipients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The subject's recipients not yet mailed. The list is fixed by the first call (duplicates of role
     * and address dropped): a later change of the registry does not change whom this subject covers.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Tracked> unsent(String subject, Supplier<List<Recipient>> everyone) {
        if (list(subject).isEmpty()) {
            Map<String, Recipient> distinct = new LinkedHashMap<>();
            everyone.get().stream().filter(r -> r.email() != null && !r.email().isBlank())
                    .forEach(r -> distinct.putIfAbsent(r.role() + " " + r.email(), r));
            for (Recipient recipient : distinct.values()) {
                // A token nobody holds until the first mail is sent with a fresh one.
                jdbc.sql("INSERT INTO tracked_recipient (subject, role, name, email, token_sha256) VALUES (?, ?, ?, ?, ?)")
                        .params(subject, recipient.role(), recipient.name() == null ? recipient.email() : recipient.name(),
                                recipient.email(), Sha256.of(newToken()))
                        .update();
            }
        }
        return jdbc.sql("SELECT * FROM tracked_recipient WHERE subject = ? AND sent_at IS NULL ORDER BY id").param(subject)
                .query(TrackedRecipients::tracked).list();
    }

    /** Forgets the subject's recipients, so the next {@link #unsent} informs everyone anew (a new decision). */
    @Transactional
    public void restart(String subject) {
        jdbc.sql("DELETE FROM tracked_recipient WHERE subject = ?").param(subject).update();
    }

    /**
     * A fresh acknowledgement token for the next mail to this recipient, committed before the mail goes
     * so that the link in a sent mail always works; only its hash is kept.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String mintToken(Tracked recipient) {
        String token = newToken();
        jdbc.sql("UPDATE tracked_recipient SET token_sha256 = ? WHERE id = ?").params(Sha256.of(token), recipient.id()).update();
        return token;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(Tracked recipient, String messageId) {
        var now = JdbcTime.utc(clock.instant());
        jdbc.sql("UPDATE tracked_recipient SET attempted_at = ?, sent_at = ?, message_id = ?, failure = NULL WHERE id = ?")
                .params(now, now, messageId, recipient.id()).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Tracked recipient, String failure) {
        String text = failure == null ? "unknown failure" : failure.substring(0, Math.min(failure.length(), 2000));
        jdbc.sql("UPDATE tracked_recipient SET attempted_at = ?, failure = ? WHERE id = ?")
                .params(JdbcTime.utc(clock.instant()), text, recipient.id()).update();
    }

    @Transactional(readOnly = true)
    public List<Tracked> list(String subject) {
        return jdbc.sql("SELECT * FROM tracked_recipient WHERE subject = ? ORDER BY id").param(subject)
                .query(TrackedRecipients::tracked).list();
    }

    /** The recipients of many subjects in one query, by subject, each list in the order {@link #list(String)} gives. */
    @Transactional(readOnly = true)
    public Map<String, List<Tracked>> list(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM tracked_recipient WHERE subject IN (:subjects) ORDER BY id")
                .param("subjects", List.copyOf(subjects)).query(TrackedRecipients::tracked).list().stream()
                .collect(Collectors.groupingBy(Tracked::subject, LinkedHashMap::new, Collectors.toList()));
    }

    /** Recipients of the role who were mailed and have not acknowledged yet. */
    @Transactional(readOnly = true)
    public List<Tracked> unacknowledged(String subject, String role) {
        return jdbc.sql("""
                SELECT * FROM tracked_recipient WHERE subject = ? AND role = ? AND acknowledged_at IS NULL
                ORDER BY id""").params(subject, role).query(TrackedRecipients::tracked).list();
    }

    /** The recipient a link's token stands for; empty for an unknown or replaced token. */
    @Transactional(readOnly = true)
    public Optional<Tracked> byToken(String token) {
        return jdbc.sql("SELECT * FROM tracked_recipient WHERE token_sha256 = ?").param(Sha256.of(token))
                .query(TrackedRecipients::tracked).optional();
    }

    /** Takes the acknowledgement of the subject's recipient with this address, e.g. reported through the API. */
    @Transactional
    public Optional<Acknowledgement> acknowledge(String subject, String role, String email) {
        return jdbc.sql("SELECT * FROM tracked_recipient WHERE subject = ? AND role = ? AND email = ?")
                .params(subject, role, email).query(TrackedRecipients::tracked).optional().map(this::acknowledge);
    }

    /** Takes a recipient's acknowledgement (found by {@link #byToken}); a repeated one is not taken again. */
    @Transactional
    public Acknowledgement acknowledge(Tracked recipient) {
        int updated = jdbc.sql("UPDATE tracked_recipient SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL")
                .params(JdbcTime.utc(clock.instant()), recipient.id()).update();
        Tracked now = jdbc.sql("SELECT * FROM tracked_recipient WHERE id = ?").param(recipient.id())
                .query(TrackedRecipients::tracked).single();
        return new Acknowledgement(now, updated == 1);
    }

    private static Tracked tracked(ResultSet rs, int n) throws SQLException {
        return new Tracked(rs.getLong("id"), rs.getString("subject"), rs.getString("role"), rs.getString("name"),
                rs.getString("email"), JdbcTime.instant(rs, "attempted_at"), JdbcTime.instant(rs, "sent_at"),
                rs.getString("failure"), JdbcTime.instant(rs, "acknowledged_at"));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
