package io.aiactops.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every {@code /api} request ({@code aiact.api.max-request-size}, default 1 MB) so
 * that a huge body is refused with 413 instead of being parsed: by its Content-Length at once, or
 * while it is read when it is sent chunked. Log ingest has its own, larger limit (aiact.logs.*).
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private static final String LOG_INGEST = "/api/systems/*/logs";
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long limit;
    private final ProblemWriter problems;

    RequestSizeLimit(@Value("${aiact.api.max-request-size:1MB}") DataSize limit, ProblemWriter problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || PATHS.match(LOG_INGEST, path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
                    "Content-Length: the request body may be at most " + limit + " bytes");
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                BoundedInputStream bounded = new BoundedInputStream(in, limit);
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return bounded.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        return bounded.read(buffer, offset, length);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
