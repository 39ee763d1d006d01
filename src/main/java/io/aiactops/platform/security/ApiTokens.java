package io.aiactops.platform.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.aiactops.platform.Sha256;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.metrics.AfterCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine clients. A token is 256 random bits, so a plain SHA-256 of it is a safe
 * stored form. A verified token is remembered by the {@link CredentialCache} for a few seconds: a
 * revocation takes effect at once on the node that made it, within the cache's lifetime on the others.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "aiact_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CredentialCache cache;

    ApiTokens(JdbcClient jdbc, Clock clock, CredentialCache cache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = cache;
    }

    /** A token issued to a user; {@code secret} is only present in the answer to its creation. */
    public record ApiToken(String id, String userId, String name, Instant createdAt, String createdBy,
            Instant revokedAt, String revokedBy, String secret) {
    }

    @Transactional
    public ApiToken issue(String userId, String name, String issuedBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO api_token (id, user_id, name, token_hash, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, userId, name, Sha256.of(secret), JdbcTime.utc(now), issuedBy)
                .update();
        return new ApiToken(id, userId, name, now, issuedBy, null, null, secret);
    }

    /** The user a live token belongs to. */
    @Transactional(readOnly = true)
    public Optional<String> userOf(String secret) {
        return jdbc.sql("SELECT user_id FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
                .param(Sha256.of(secret))
                .query(String.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(Optional<String> userId) {
        return jdbc.sql("""
                SELECT id, user_id, name, created_at, created_by, revoked_at, revoked_by FROM api_token
                WHERE (CAST(? AS VARCHAR) IS NULL OR user_id = ?) ORDER BY created_at""")
                .params(userId.orElse(null), userId.orElse(null))
                .query((rs, i) -> new ApiToken(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
                        JdbcTime.instant(rs, "created_at"), rs.getString("created_by"),
                        JdbcTime.instant(rs, "revoked_at"),
                        rs.getString("revoked_by"), null))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ApiToken> find(String id) {
        return list(Optional.empty()).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Revokes a token; revoking twice keeps the first revocation. */
    @Transactional
    public void revoke(String id, String revokedBy) {
        jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(JdbcTime.utc(clock.instant()), revokedBy, id)
                .update();
        // After the commit: a request verifying the token before it would otherwise remember it again.
        AfterCommit.run(cache::forgetAll);
    }

}
