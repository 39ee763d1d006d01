package io.aiactops.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The pages single sign-on shows instead of the webapps: no group of ours, provider down, logged out. */
@RestController
@ConditionalOnExpression("'${" + OidcProperties.ISSUER_KEY + ":}' != ''")
class SingleSignOnPages {

    static final String UNAVAILABLE_PAGE = "/sso/unavailable";

    /** What each of our groups may do, for a person who holds none of them. */
    private static final Map<String, String> GRANTS = grants();

    private final OidcProperties properties;

    SingleSignOnPages(OidcProperties properties) {
        this.properties = properties;
    }

    @GetMapping(value = SingleSignOn.NO_ACCESS_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> noAccess(Authentication person) {
        String rows = GRANTS.entrySet().stream()
                .map(g -> "<tr><td>" + escape(providerGroupsOf(g.getKey())) + "</td><td>" + g.getKey() + "</td><td>"
                        + g.getValue() + "</td></tr>")
                .collect(Collectors.joining("\n"));
        String name = person == null ? "You" : escape(person.getName());
        return page(HttpStatus.FORBIDDEN, "No access yet", "<p>" + name + " logged in, but none of your groups at the "
                + "identity provider grants anything in aiact-ops. Ask your administrator to add you to one of these "
                + "groups at the provider, then log in again.</p>\n<table><tr><th>Provider group</th><th>aiact-ops group"
                + "</th><th>Grants</th></tr>\n" + rows + "\n</table>\n<p><a href=\"/logout\">Log out</a></p>");
    }

    /**
     * What the Camunda webapps' script (static/shared/sso-logout.js) needs under single sign-on: their "Log
     * out" goes to /logout, which ends our login and the provider's.
     */
    @GetMapping(value = "/sso/webapps.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> webapps() {
        return Map.of("logoutUrl", "/logout");
    }

    @GetMapping(value = UNAVAILABLE_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unavailable() {
        return page(HttpStatus.SERVICE_UNAVAILABLE, "Login unavailable", "<p>The identity provider at "
                + escape(properties.issuerUri()) + " does not answer, so nobody can log in right now. Machine clients "
                + "with valid tokens keep working. Try again in a few minutes; if it lasts, tell your administrator."
                + "</p>\n<p><a href=\"/\">Try again</a></p>");
    }

    @GetMapping(value = SingleSignOn.LOGGED_OUT_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> loggedOut() {
        return page(HttpStatus.OK, "Logged out", "<p>You are logged out of aiact-ops and of the identity provider."
                + "</p>\n<p><a href=\"/\">Log in again</a></p>");
    }

    private String providerGroupsOf(String group) {
        String names = properties.groups().entrySet().stream().filter(e -> e.getValue().equals(group))
                .map(Map.Entry::getKey).sorted().collect(Collectors.joining(", "));
        return names.isEmpty() ? "(none mapped)" : names;
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body("<!DOCTYPE html>\n<html lang=\"en\">"
                + "<head><meta charset=\"utf-8\"><title>" + title + " - aiact-ops</title></head>\n<body><h1>" + title
                + "</h1>\n" + body + "\n</body></html>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static Map<String, String> grants() {
        Map<String, String> grants = new LinkedHashMap<>();
        grants.put(Roles.OVERSEERS, "Tasklist: review monitoring alerts, stop an AI system (Art. 14)");
        grants.put(Roles.INCIDENT_MANAGERS, "Tasklist and Cockpit: classify, report and close serious incidents (Art. 73)");
        grants.put(Roles.PROCESS_OWNERS, "Tasklist and Cockpit: edit, deploy and operate the processes");
        grants.put(Roles.AUDITORS, "Cockpit and the case board, read-only");
        grants.put(Roles.INGEST, "Machine clients: send monitoring signals and logs to /api");
        grants.put(Roles.DEPLOYERS, "Machine clients of deployers: report serious incidents (Art. 26(5))");
        grants.put(Roles.ADMINS, "Camunda Admin: everything, including local service accounts");
        return grants;
    }
}
