package io.aiactops.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/** Single sign-on with the provider at {@code aiact.security.oidc.issuer-uri}; nothing of it without. */
@Configuration
@ConditionalOnExpression("'${" + OidcProperties.ISSUER_KEY + ":}' != ''")
class OidcSecurityConfig {

    @Bean
    SingleSignOn singleSignOn(OidcProperties properties, ProblemSecurityHandlers problems) {
        return new SingleSignOn(jwtDecoder(properties), new ProviderClientRegistrations(properties),
                new ProviderClaims(properties), oidcProvider(properties), problems);
    }

    /**
     * /engine-rest takes the provider's JWTs, and Basic of local service accounts (Camunda Modeler, scripts
     * that cannot fetch tokens), checked here so that Camunda's filter only receives the caller.
     */
    @Bean
    @Order(0)
    SecurityFilterChain engineRestSecurity(HttpSecurity http, SingleSignOn singleSignOn, ProblemSecurityHandlers problems)
            throws Exception {
        // An Ant matcher: /engine-rest is Jersey's servlet, which Spring MVC's path matching does not see.
        http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated());
        singleSignOn.acceptTokens(http);
        return http.build();
    }

    /**
     * Tasklist, Cockpit and Admin take the person from Spring Security's login, with the mapped groups,
     * instead of their own login form: Camunda's container-based authentication, its extension point.
     */
    @Bean
    FilterRegistrationBean<WebappSingleSignOnFilter> webappAuthentication(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<WebappSingleSignOnFilter> registration =
                new FilterRegistrationBean<>(new WebappSingleSignOnFilter());
        registration.setName("camunda-webapp-sso-authentication");
        registration.addInitParameter("authentication-provider", SpringSecurityAuthentication.class.getName());
        registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
        // Right after Spring Security, which has established the caller, and before the webapps' own filters.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Shown by /actuator/health as {@code oidcProvider}. */
    @Bean
    ProviderStatus oidcProvider(OidcProperties properties) {
        return new ProviderStatus(properties);
    }

    /**
     * Resolved at the first token, not at start-up; the decoder then caches the provider's keys and
     * fetches them again only for a key id it does not know (a rotation).
     */
    private static JwtDecoder jwtDecoder(OidcProperties properties) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                    token -> token.getAudience() != null && token.getAudience().contains(properties.requiredAudience())
                            ? OAuth2TokenValidatorResult.success()
                            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                                    "The token is not meant for " + properties.requiredAudience(), null))));
            return decoder;
        });
    }
}
