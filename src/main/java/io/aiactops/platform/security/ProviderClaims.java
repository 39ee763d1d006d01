package io.aiactops.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a token or login names, and the provider's groups in it mapped to ours by configuration. Read at every login and
 * every token, so a change at the provider applies at the next one, with nothing to synchronise.
 */
final class ProviderClaims {

    private static final Logger log = LoggerFactory.getLogger(ProviderClaims.class);

    private final String claim;
    private final String userNameClaim;
    private final Map<String, String> mapping;
    /** Unknown names already logged: a busy machine client would otherwise log at every request. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    ProviderClaims(OidcProperties properties) {
        this.claim = properties.groupsClaim();
        this.userNameClaim = properties.userNameClaim();
        this.mapping = Map.copyOf(properties.groups());
    }

    /** Our groups for the claims of a token or an ID token, as authorities; none when the claim is missing. */
    List<GrantedAuthority> authorities(Map<String, Object> claims) {
        if (!(claims.get(claim) instanceof Collection<?> names)) {
            return List.of();
        }
        return names.stream()
                .map(Objects::toString)
                .map(this::mapped)
                .filter(Objects::nonNull)
                .distinct()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
    }

    /**
     * The claim that names the caller: the configured one (a readable name for Tasklist), or {@code sub}
     * when the token has none, as client-credentials tokens of most providers.
     */
    String userNameKey(Map<String, Object> claims) {
        return claims.get(userNameClaim) instanceof String name && !name.isBlank() ? userNameClaim : "sub";
    }

    private String mapped(String providerGroup) {
        String group = mapping.get(providerGroup);
        if (group == null && reported.add(providerGroup)) {
            log.info("Provider group '{}' (claim '{}') maps to none of our groups and is ignored; map it with "
                    + "aiact.security.oidc.groups if it should grant access", providerGroup, claim);
        }
        return group;
    }
}
