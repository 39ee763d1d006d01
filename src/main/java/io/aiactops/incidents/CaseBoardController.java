package io.aiactops.incidents;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.aiactops.platform.security.Roles;
import io.aiactops.platform.security.WebappLogin;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case board at {@code /cases}: the open incidents, the earliest adjusted deadline first, for
 * people logged in to Tasklist. /api authenticates each request (HTTP Basic, tokens) and keeps no
 * session, so the page reads its data here, with the webapps' login instead.
 */
@Controller
class CaseBoardController {

    /** Who may follow the cases: the same groups as {@code GET /api/incidents}, administrators included. */
    private static final Set<String> VIEWERS = Set.of(Roles.anyOf(Roles.INCIDENT_MANAGERS, Roles.OVERSEERS,
            Roles.AUDITORS, Roles.PROCESS_OWNERS));

    /** The page loads only its own script and stylesheet and the shared logo; nothing inline. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final IncidentProgress progress;
    private final WebappLogin webappLogin;

    CaseBoardController(IncidentProgress progress, WebappLogin webappLogin) {
        this.progress = progress;
        this.webappLogin = webappLogin;
    }

    /** The page itself holds no data, so it is served to anyone; its script then asks for the cases. */
    @GetMapping({"/cases", "/cases/"})
    String page(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return "forward:/cases/index.html";
    }

    @GetMapping("/cases/incidents.json")
    @ResponseBody
    List<IncidentProgress.IncidentDetails> openIncidents(HttpServletRequest request) {
        Authentication user = webappLogin.current(request).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.UNAUTHORIZED, "Please log in to Tasklist (/camunda/app/tasklist/), then open the case board again."));
        boolean viewer = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(VIEWERS::contains);
        if (!viewer) {
            throw new AccessDeniedException("The case board is for incident managers, AI overseers, auditors and process "
                    + "owners; " + user.getName() + " is in none of these groups.");
        }
        return progress.list("OPEN");
    }
}
