package io.aiactops.platform.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * What single sign-on adds to the filter chains of {@link SecurityConfig}: provider tokens on /api and
 * /engine-rest, and the provider's login (authorization code with PKCE) and logout for every page.
 */
final class SingleSignOn {

    static final String REGISTRATION_ID = ProviderClientRegistrations.REGISTRATION_ID;
    static final String NO_ACCESS_PAGE = "/sso/no-access";
    static final String LOGGED_OUT_PAGE = "/sso/logged-out";

    private final JwtDecoder jwtDecoder;
    private final ClientRegistrationRepository registrations;
    private final ProviderClaims claims;
    private final ProviderStatus status;
    private final ProblemSecurityHandlers problems;

    SingleSignOn(JwtDecoder jwtDecoder, ClientRegistrationRepository registrations, ProviderClaims claims,
            ProviderStatus status, ProblemSecurityHandlers problems) {
        this.jwtDecoder = jwtDecoder;
        this.registrations = registrations;
        this.claims = claims;
        this.status = status;
        this.problems = problems;
    }

    /** Accepts the provider's JWT access tokens; a bad, foreign or expired one is a 401 problem. */
    void acceptTokens(HttpSecurity http) throws Exception {
        http.oauth2ResourceServer(server -> server
                .bearerTokenResolver(jwtOnly())
                .authenticationEntryPoint(problems)
                .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token,
                        claims.authorities(token.getClaims()),
                        token.getClaimAsString(claims.userNameKey(token.getClaims()))))));
    }

    /** Every page, the webapps included, asks the provider who is there; /logout ends both sessions. */
    void logIn(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        providerLogout.setPostLogoutRedirectUri("{baseUrl}" + LOGGED_OUT_PAGE);
        http.oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(mappedGroups()))
                        .successHandler(this::loggedIn))
                .logout(logout -> logout
                        .logoutRequestMatcher(new AntPathRequestMatcher("/logout"))
                        .logoutSuccessHandler(providerLogout))
                .exceptionHandling(e -> e.authenticationEntryPoint(this::askProvider))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/sso/**", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated());
    }

    /** The provider's groups mapped to ours are the person's only authorities. */
    private OAuth2UserService<OidcUserRequest, OidcUser> mappedGroups() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            return new DefaultOidcUser(claims.authorities(user.getClaims()), user.getIdToken(), user.getUserInfo(),
                    claims.userNameKey(user.getClaims()));
        };
    }

    /** A person without any of our groups may log in, and is told which groups grant what. */
    private void loggedIn(HttpServletRequest request, HttpServletResponse response, Authentication person)
            throws IOException, ServletException {
        if (person.getAuthorities().isEmpty()) {
            response.sendRedirect(request.getContextPath() + NO_ACCESS_PAGE);
            return;
        }
        new SavedRequestAwareAuthenticationSuccessHandler().onAuthenticationSuccess(request, response, person);
    }

    private void askProvider(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        if (!status.reachable()) {
            response.sendRedirect(request.getContextPath() + SingleSignOnPages.UNAVAILABLE_PAGE);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/oauth2/authorization/" + REGISTRATION_ID);
    }

    /** API tokens ({@code aiact_...}) are ours, checked by {@link ApiTokenAuthenticationFilter}, never JWTs. */
    private static BearerTokenResolver jwtOnly() {
        DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
        return request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            return ApiTokenAuthenticationFilter.isApiToken(header) ? null : bearer.resolve(request);
        };
    }
}
