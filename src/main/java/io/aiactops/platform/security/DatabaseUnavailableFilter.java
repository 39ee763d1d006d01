package io.aiactops.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.aiactops.platform.web.DatabaseFailures;
import io.aiactops.platform.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logging in reads the database too (HTTP Basic checks the password with the identity service, an API
 * token is looked up): when the database is unreachable or restarting, that is a 503 problem with
 * {@code Retry-After}, as for the controllers, not a 500 from the error page.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ProblemWriter problems;

    DatabaseUnavailableFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!DatabaseFailures.isDatabaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable while authenticating {} {}: {}", request.getMethod(),
                    request.getRequestURI(), e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The database is unavailable; nothing was stored. Retry later.");
        }
    }
}
