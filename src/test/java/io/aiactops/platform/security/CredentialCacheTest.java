package io.aiactops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class CredentialCacheTest {

    final AtomicInteger verifications = new AtomicInteger();

    Supplier<Authentication> verifiesAs(String user) {
        return () -> {
            verifications.incrementAndGet();
            return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
        };
    }

    Supplier<Authentication> refuses() {
        return () -> {
            verifications.incrementAndGet();
            throw new BadCredentialsException("Unknown user or wrong password");
        };
    }

    @Test
    void aVerifiedCredentialIsRememberedForItsLifetime() {
        AtomicLong now = new AtomicLong();
        CredentialCache cache = new CredentialCache(Duration.ofMillis(300), now::get);

        cache.authenticate("basic", "ingest", "demo", verifiesAs("ingest"));
        Authentication again = cache.authenticate("basic", "ingest", "demo", verifiesAs("ingest"));
        assertThat(again.getName()).isEqualTo("ingest");
        assertThat(verifications).hasValue(1);

        now.addAndGet(Duration.ofMillis(299).toNanos());
        cache.authenticate("basic", "ingest", "demo", verifiesAs("ingest"));
        assertThat(verifications).as("still within the lifetime").hasValue(1);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        cache.authenticate("basic", "ingest", "demo", verifiesAs("ingest"));
        assertThat(verifications).as("checked again once the lifetime is over").hasValue(2);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        CredentialCache cache = new CredentialCache(Duration.ofSeconds(10));
        cache.authenticate("basic", "ingest", "demo", verifiesAs("ingest"));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.authenticate("basic", "ingest", "wrong", refuses()))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(verifications).hasValue(4);
    }

    @Test
    void anotherUserKindOrSplitOfTheSameCharactersIsAnotherCredential() {
        CredentialCache cache = new CredentialCache(Duration.ofSeconds(10));
        cache.authenticate("basic", "ab", "c", verifiesAs("ab"));

        assertThat(cache.authenticate("basic", "a", "bc", verifiesAs("a")).getName()).isEqualTo("a");
        assertThat(cache.authenticate("token", "ab", "c", verifiesAs("token-owner")).getName()).isEqualTo("token-owner");
        assertThat(verifications).hasValue(3);
    }

    @Test
    void forgettingAllMakesTheNextRequestVerifyAgain() {
        CredentialCache cache = new CredentialCache(Duration.ofSeconds(10));
        cache.authenticate("token", "", "aiact_x", verifiesAs("ingest"));

        cache.forgetAll();
        assertThatThrownBy(() -> cache.authenticate("token", "", "aiact_x", refuses()))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aLifetimeOfZeroVerifiesEveryRequestAndANegativeOneIsRefused() {
        CredentialCache cache = new CredentialCache(Duration.ZERO);
        cache.authenticate("basic", "ingest", "demo", verifiesAs("ingest"));
        cache.authenticate("basic", "ingest", "demo", verifiesAs("ingest"));
        assertThat(verifications).hasValue(2);

        assertThatThrownBy(() -> new CredentialCache(Duration.ofSeconds(-1)))
                .hasMessageContaining("aiact.security.credential-cache-ttl");
    }
}
