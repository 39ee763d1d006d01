package io.aiactops.logs;

import java.time.Instant;
import java.util.Optional;

import io.aiactops.platform.jdbc.JdbcTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A system's register as an overview shows it: the head of its chain (the sequence number and hash an
 * auditor compares with an exported chain) and what the last scheduled verification found.
 */
@Component
public class RegisterHead {

    private final JdbcClient jdbc;

    RegisterHead(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The head now; {@code lastVerification} is {@code null} until the daily verification first ran. */
    public record Head(long seq, String hash, LastVerification lastVerification) {
    }

    /** The latest run of {@link ChainVerificationJob} for the system. */
    public record LastVerification(Instant verifiedAt, boolean valid, long eventsChecked, long headSeq,
            Long firstInvalidSeq, String reason) {
    }

    /** Empty for a system without a chain. One indexed read of two single-row tables; the events are not read. */
    public Optional<Head> of(String systemId) {
        return jdbc.sql("""
                SELECT h.last_seq, h.last_hash, v.verified_at, v.valid, v.events_checked, v.head_seq, v.first_invalid_seq,
                       v.reason
                FROM log_chain_head h LEFT JOIN log_chain_verification v ON v.system_id = h.system_id
                WHERE h.system_id = ?""")
                .param(systemId)
                .query((rs, n) -> {
                    Instant verifiedAt = JdbcTime.instant(rs, "verified_at");
                    long firstInvalid = rs.getLong("first_invalid_seq");
                    Long firstInvalidSeq = rs.wasNull() ? null : firstInvalid;
                    LastVerification last = verifiedAt == null ? null : new LastVerification(verifiedAt, rs.getBoolean("valid"),
                            rs.getLong("events_checked"), rs.getLong("head_seq"), firstInvalidSeq, rs.getString("reason"));
                    return new Head(rs.getLong("last_seq"), rs.getString("last_hash"), last);
                })
                .optional();
    }
}
