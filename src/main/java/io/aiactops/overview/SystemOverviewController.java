package io.aiactops.overview;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.aiactops.documentation.TechnicalDocumentation;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.security.WebappLogin;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The AI systems at {@code /systems} and each one's overview at {@code /systems/{id}}, for people
 * logged in to Tasklist, like the case board: the pages hold no data, their script reads it here with
 * the webapps' login. Everything is read-only, for auditors and everyone else alike.
 */
@Controller
class SystemOverviewController {

    /** The people of {@code GET /api/systems}, administrators included; machine clients have no webapp login. */
    private static final Set<String> VIEWERS = Set.of(Roles.anyOf(Roles.OVERSEERS, Roles.PROCESS_OWNERS,
            Roles.INCIDENT_MANAGERS, Roles.AUDITORS));
    private static final String VIEWERS_IN_WORDS = "AI overseers, process owners, incident managers and auditors";

    /** The pages load only their own script and stylesheet, the shared logo and the charts; nothing inline. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The technical documentation is generated HTML with its own style element, and no script. */
    private static final String DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final SystemOverviews overviews;
    private final TechnicalDocumentation documentation;
    private final WebappLogin webappLogin;

    SystemOverviewController(SystemOverviews overviews, TechnicalDocumentation documentation, WebappLogin webappLogin) {
        this.overviews = overviews;
        this.documentation = documentation;
        this.webappLogin = webappLogin;
    }

    @GetMapping({"/systems", "/systems/"})
    String listPage(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return "forward:/overview/systems.html";
    }

    @GetMapping({"/systems/{id}", "/systems/{id}/"})
    String systemPage(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return "forward:/overview/system.html";
    }

    @GetMapping("/systems.json")
    @ResponseBody
    List<SystemOverviews.SystemLine> systems(HttpServletRequest request) {
        webappLogin.require(request, "the list of AI systems", VIEWERS, VIEWERS_IN_WORDS);
        return overviews.list();
    }

    @GetMapping("/systems/{id}/overview.json")
    @ResponseBody
    SystemOverviews.SystemOverview system(@PathVariable String id, HttpServletRequest request) {
        webappLogin.require(request, "the overview of an AI system", VIEWERS, VIEWERS_IN_WORDS);
        return overviews.of(id);
    }

    /** The technical documentation as {@code GET /api/systems/{id}/documentation} shows it, with the Tasklist login. */
    @GetMapping("/systems/{id}/documentation")
    ResponseEntity<String> documentation(@PathVariable String id, HttpServletRequest request) {
        webappLogin.require(request, "the technical documentation", VIEWERS, VIEWERS_IN_WORDS);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", DOCUMENT_POLICY)
                .body(documentation.html(id));
    }
}
