package io.aiactops.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
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
    /** Under single sign-on, other bearer tokens are the provider's JWTs, for the resource server. */
    private final boolean jwtsAccepted;

    ApiTokenAuthenticationFilter(ApiTokens tokens, IdentityService identityService, ProblemSecurityHandlers problems,
            OidcProperties oidc) {
        this.tokens = tokens;
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
        var userId = tokens.userOf(header.substring(BEARER.length()).trim());
        if (userId.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("Unknown or revoked API token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(IdentityServiceAuthenticationProvider.authenticated(identityService, userId.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
