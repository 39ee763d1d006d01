package io.aiactops.platform.security;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * Our client at the provider, read from its discovery document at the first login rather than at
 * start-up: aiact-ops must start (and serve machine clients with cached keys) while the provider is down.
 */
final class ProviderClientRegistrations implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "oidc";

    private final OidcProperties properties;
    private volatile ClientRegistration registration;

    ProviderClientRegistrations(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        if (registration == null) {
            registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                    .registrationId(REGISTRATION_ID)
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .scope("openid", "profile", "email")
                    .build();
        }
        return registration;
    }
}
