package io.aiactops.platform.security;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.aiactops.platform.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 401, 403 and the firewall's refusals (400) as RFC 9457 problems, like every other error of the API. The
 * firewall's own answer was Spring Boot's error JSON, which does not say what is wrong.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    /** What the firewall's message quotes: the sequence of the path or the method it refused. */
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,40})\"");

    private final ProblemWriter problems;

    ProblemSecurityHandlers(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"aiact-ops\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED,
                "Authentication required: HTTP Basic with a user of the identity service, or an API token (Bearer).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN,
                "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        String message = String.valueOf(e.getMessage());
        Matcher quoted = QUOTED.matcher(message);
        String what = quoted.find() ? " '" + quoted.group(1) + "'" : "";
        String detail;
        if (message.contains("HTTP method")) {
            detail = "The HTTP method" + what + " is not one this service takes.";
        } else if (message.contains("header")) { // not echoed: a header may hold a credential
            detail = "A header's name or value holds characters that a header may not hold.";
        } else if (message.contains("parameter")) {
            detail = "A query parameter's name or value holds characters that a parameter may not hold.";
        } else {
            detail = "The request's path is refused" + (what.isEmpty() ? "" : " for" + what) + ": no address of this "
                    + "service has a ';', an encoded '/', '\\', '%' or '.', a '.' or '..' segment, '//', or a "
                    + "character other than printable ASCII.";
        }
        problems.write(request, response, HttpStatus.BAD_REQUEST, detail);
    }
}
