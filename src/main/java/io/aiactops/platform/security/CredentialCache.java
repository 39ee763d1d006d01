package io.aiactops.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Remembers verified credentials (HTTP Basic, API tokens) for {@code aiact.security.credential-cache-ttl},
 * so that a client sending one event per request is not charged a password hash and two lookups each
 * time (docs/operations.md#credential-cache). Only successes are kept, under a keyed hash of the
 * credentials (never the credentials themselves), in this node's memory; a wrong password is checked,
 * and counted by Camunda's lock-out, every time. A revoked token, a changed password or a group change
 * takes effect on other nodes within the lifetime; revocation on this node clears the cache at once.
 */
@Component
class CredentialCache {

    /** Beyond this, the cache is emptied rather than grown: many clients at once is not the case it serves. */
    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** A Mac per thread, keyed once: looking one up and keying it costs more than the hash itself. */
    private final ThreadLocal<Mac> macs;

    private record Entry(Authentication authentication, long expiresAt) {
    }

    @Autowired
    CredentialCache(@Value("${aiact.security.credential-cache-ttl:PT10S}") Duration ttl) {
        this(ttl, System::nanoTime);
    }

    /** With the clock the lifetimes are measured on, in nanoseconds ({@link System#nanoTime()}). */
    CredentialCache(Duration ttl, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("aiact.security.credential-cache-ttl must not be negative, was " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
    }

    /**
     * The authentication remembered for these credentials, or {@code verify}'s, which is remembered if it
     * returns; a failed verification throws and is not remembered.
     */
    Authentication authenticate(String kind, String principal, String secret, Supplier<Authentication> verify) {
        if (ttlNanos == 0) {
            return verify.get();
        }
        String id = id(kind, principal, secret);
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(id);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.authentication();
        }
        Authentication verified = verify.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> now - e.expiresAt() >= 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(id, new Entry(verified, now + ttlNanos));
        return verified;
    }

    /** Forgets every remembered credential, e.g. once a token's revocation has committed. */
    void forgetAll() {
        entries.clear();
    }

    private String id(String kind, String principal, String secret) {
        // The principal's length in front: no split of the same characters can make two credentials alike.
        return Base64.getEncoder().encodeToString(macs.get()
                .doFinal((kind + ':' + principal.length() + ':' + principal + secret).getBytes(StandardCharsets.UTF_8)));
    }
}
