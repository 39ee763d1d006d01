package io.aiactops.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer aiact_...}: a machine client acting as the user the token was issued to. */
@Component
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final IdentityService identityService;
    private final ProblemSecurityHandlers problems;
    private final CredentialCache cache;
    /** Under single sign-on, other bearer tokens are the provider's JWTs, for the resource server. */
    private final boolean jwtsAccepted;

    ApiTokenAuthenticationFilter(ApiTokens tokens, IdentityService identityService, ProblemSecurityHandlers problems,
            OidcProperties oidc, CredentialCache cache) {
        this.tokens = tokens;
        this.cache = cache;
        this.identityService = identityService;
        this.problems = problems;
        this.jwtsAccepted = oidc.enabled();
    }

    /** Whether an Authorization header carries one of our API tokens (never a JWT, whose first part is JSON). */
    static boolean isApiToken(String header) {
        return isBearer(header) && header.substring(BEARER.length()).trim().startsWith(ApiTokens.PREFIX);
    }

    private static boolean isBearer(String header) {
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!isBearer(header) || (jwtsAccepted && !isApiToken(header))) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(BEARER.length()).trim();
        Authentication authentication;
        try {
            authentication = cache.authenticate("token", "", secret, () -> IdentityServiceAuthenticationProvider
                    .authenticated(identityService, tokens.userOf(secret)
                            .orElseThrow(() -> new BadCredentialsException("Unknown or revoked API token"))));
        } catch (BadCredentialsException e) {
            problems.commence(request, response, e);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
