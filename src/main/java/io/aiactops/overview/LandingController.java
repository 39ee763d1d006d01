package io.aiactops.overview;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import io.aiactops.platform.security.WebappLogin;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /landing.json}: where the logged-in person goes next, read by the welcome page's plugin with the
 * webapps' login (any webapp's: auditors have only Cockpit). Everyone logged in gets an answer, even
 * without any of our groups: that answer says which group grants what.
 */
@RestController
class LandingController {

    private final Landing landing;
    private final WebappLogin webappLogin;

    LandingController(Landing landing, WebappLogin webappLogin) {
        this.landing = landing;
        this.webappLogin = webappLogin;
    }

    @GetMapping("/landing.json")
    Landing.View landing(HttpServletRequest request) {
        Authentication user = webappLogin.current(request).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.UNAUTHORIZED, "Please log in to a Camunda webapp (/camunda/app/welcome/) first."));
        Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return landing.of(user.getName(), groups);
    }
}
