package io.aiactops.platform.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The user logged in to the Camunda webapps (Tasklist, Cockpit, Admin) in the caller's HTTP session,
 * for pages we serve next to them with the same login.
 */
@Component
public class WebappLogin {

    private final ProcessEngine processEngine;
    private final IdentityService identityService;

    WebappLogin(ProcessEngine processEngine, IdentityService identityService) {
        this.processEngine = processEngine;
        this.identityService = identityService;
    }

    /**
     * The session's user if they are in one of {@code groups}: 401 when nobody is logged in (the page
     * tells them to log in to a webapp: any of them starts the session), 403 naming {@code what} and the
     * groups otherwise.
     */
    public org.springframework.security.core.Authentication require(HttpServletRequest request, String what,
            Collection<String> groups, String groupsInWords) {
        org.springframework.security.core.Authentication user = current(request).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.UNAUTHORIZED, "Please log in to Tasklist (/camunda/app/tasklist/), or to Cockpit as an auditor (/camunda/app/cockpit/), "
                + "then open " + what + " again."));
        if (user.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(groups::contains)) {
            throw new AccessDeniedException(what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1)
                    + " is for " + groupsInWords + "; " + user.getName() + " is in none of these groups.");
        }
        return user;
    }

    /**
     * The session's user with its groups as authorities, or empty when nobody is logged in. The groups
     * are read from the identity service, not from the session, where the webapps cache them: a
     * membership an administrator removed must stop counting at once, as it does for /api.
     */
    public Optional<org.springframework.security.core.Authentication> current(HttpServletRequest request) {
        // Under single sign-on the person and their mapped groups come from the provider's login, not the identity tables.
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken person) {
            return Optional.of(person);
        }
        // Never create a session here: only the webapps' login does.
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentication login = AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine(processEngine.getName());
        if (login == null || login.getIdentityId() == null
                || identityService.createUserQuery().userId(login.getIdentityId()).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(IdentityServiceAuthenticationProvider.authenticated(identityService, login.getIdentityId()));
    }
}
