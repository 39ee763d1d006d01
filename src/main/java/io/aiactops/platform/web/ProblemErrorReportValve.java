package io.aiactops.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.CoyoteAdapter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Errors that Tomcat answers itself, before any servlet sees the request, as RFC 9457 problems like
 * every other error of the API: a path that is not valid (an encoded '/', '\' or NUL, a '%' without two
 * hexadecimal digits), or headers too large, were answered with Tomcat's HTML error page. Errors of the
 * application are answered by Spring before they reach this valve, which then finds the answer written and
 * does nothing.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** How Tomcat's connector words a path it refused (in the server's language), not shown to the client. */
    private static final String INVALID_URI = StringManager.getManager(CoyoteAdapter.class)
            .getString("coyoteAdapter.invalidURI");

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: nothing for a status below 400, an answer already written or reported.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = String.valueOf(response.getMessage()).startsWith(INVALID_URI)
                ? "The request's path is not one this service can read: it holds an encoded '/', '\\\\' or NUL, "
                        + "or a '%' that is not followed by two hexadecimal digits."
                : status == HttpStatus.BAD_REQUEST.value()
                        ? "The request's line or headers are malformed, or larger than this service reads."
                        : title + ".";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // Only our own words go in: nothing of the request is echoed, so nothing needs escaping.
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer began meanwhile: nothing more to say
        }
    }

    /** Makes it the error report valve of Spring Boot's embedded Tomcat. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            // The host adds its error report valve when it starts, innermost, so it reports first.
            factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                    .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
        }
    }
}
