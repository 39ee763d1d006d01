package io.aiactops.platform.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aiact.security.oidc.*}: single sign-on with the organisation's OpenID Connect provider, on
 * when {@code issuer-uri} is set (docs/operations.md#single-sign-on).
 *
 * @param issuerUri the provider's issuer; tokens must name exactly this issuer
 * @param clientId our client at the provider (authorization code flow with PKCE for people)
 * @param clientSecret its secret
 * @param audience the audience every access token must name; our client id when not set
 * @param groupsClaim the claim of ID and access tokens that lists the caller's provider groups
 * @param userNameClaim the claim that names a person (Tasklist assignee); {@code sub} when a token lacks it
 * @param groups provider group name → our group ({@link Roles#ALL}); anything else is ignored
 */
@ConfigurationProperties("aiact.security.oidc")
public record OidcProperties(
        String issuerUri,
        String clientId,
        String clientSecret,
        String audience,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue("preferred_username") String userNameClaim,
        @DefaultValue Map<String, String> groups) {

    /** The configuration key that switches single sign-on on. */
    public static final String ISSUER_KEY = "aiact.security.oidc.issuer-uri";

    public OidcProperties {
        groups.forEach((providerGroup, group) -> {
            if (!Roles.ALL.contains(group)) {
                throw new IllegalArgumentException("aiact.security.oidc.groups." + providerGroup + " maps to '" + group
                        + "', which is none of our groups " + Roles.ALL);
            }
        });
    }

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    public String requiredAudience() {
        return audience == null || audience.isBlank() ? clientId : audience;
    }
}
