package io.aiactops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;

class ProviderClaimsTest {

    private final ProviderClaims claims = new ProviderClaims(new OidcProperties("https://id.example", "aiact-ops", "secret",
            null, "groups", "preferred_username", Map.of("oversight-team", Roles.OVERSEERS, "auditing", Roles.AUDITORS)));
    private final Logger logger = (Logger) LoggerFactory.getLogger(ProviderClaims.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void mappedProviderGroupsBecomeOurGroupsAndAnUnknownOneIsIgnoredAndLoggedOnce() {
        Map<String, Object> token = Map.of("groups", List.of("oversight-team", "all-staff", "auditing"));

        assertThat(claims.authorities(token)).extracting(GrantedAuthority::getAuthority)
                .containsExactly(Roles.OVERSEERS, Roles.AUDITORS);
        assertThat(claims.authorities(token)).hasSize(2);

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .contains("'all-staff'", "ignored", "aiact.security.oidc.groups");
    }

    @Test
    void aPersonInNoMappedGroupOrWithoutTheClaimHasNoneOfOurGroups() {
        assertThat(claims.authorities(Map.of("groups", List.of("all-staff")))).isEmpty();
        assertThat(claims.authorities(Map.of("roles", List.of("oversight-team")))).isEmpty();
    }
}
