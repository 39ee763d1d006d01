package io.aiactops.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Under single sign-on, hands the caller Spring Security authenticated (provider login, JWT or a local
 * service account's Basic) to the webapps' container-based authentication and to /engine-rest, with
 * our mapped groups: the engine's authorization checks then use those groups, not the identity tables.
 * Camunda instantiates it by class name, hence public.
 */
public class SpringSecurityAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(caller.getName());
        result.setGroups(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security's entry point has already answered an unauthenticated request with its challenge.
    }
}
