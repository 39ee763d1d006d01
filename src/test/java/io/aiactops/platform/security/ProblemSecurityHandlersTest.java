package io.aiactops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.servlet.RequestDispatcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.web.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's refusals, taken from Spring Security's own firewall, answered as problems in our words. */
class ProblemSecurityHandlersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(new ProblemWriter(JSON));
    private final StrictHttpFirewall firewall = new StrictHttpFirewall();

    @Test
    void aPathWithASemicolonIsRefusedNamingIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/systems/a;b=1");

        JsonNode problem = refused(request);

        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).startsWith("The request's path is refused for ';': no address");
    }

    @Test
    void anUnknownMethodIsNamed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("FOO", "/api/systems");

        JsonNode problem = refused(request);

        assertThat(problem.path("detail").asText()).isEqualTo("The HTTP method 'FOO' is not one this service takes.");
    }

    @Test
    void onTheErrorDispatchOfARefusedMethodTheProblemNamesThePathAskedFor() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("TRACE", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/systems");

        JsonNode problem = refused(request);

        assertThat(problem.path("instance").asText()).isEqualTo("/api/systems");
    }

    @Test
    void aHeaderOrAParameterIsRefusedWithoutEchoingWhatItHolds() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/systems");
        request.addHeader("X-Secret", "token\u0001value");
        request.addParameter("zq\u0001", "x");

        JsonNode header = answer(request, catchThrowableOfType(RequestRejectedException.class,
                () -> firewall.getFirewalledRequest(request).getHeader("X-Secret")));
        JsonNode parameter = answer(request, catchThrowableOfType(RequestRejectedException.class,
                () -> firewall.getFirewalledRequest(request).getParameter("zq\u0001")));

        assertThat(header.path("detail").asText())
                .isEqualTo("A header's name or value holds characters that a header may not hold.");
        assertThat(parameter.path("detail").asText())
                .isEqualTo("A query parameter's name or value holds characters that a parameter may not hold.");
        assertThat(header + " " + parameter).doesNotContain("token", "zq");
    }

    /** The answer to a request the firewall refuses as it arrives (its path or its method). */
    private JsonNode refused(MockHttpServletRequest request) throws Exception {
        return answer(request, catchThrowableOfType(RequestRejectedException.class,
                () -> firewall.getFirewalledRequest(request)));
    }

    private JsonNode answer(MockHttpServletRequest request, RequestRejectedException rejected) throws Exception {
        assertThat(rejected).as("the firewall refuses the request").isNotNull();
        MockHttpServletResponse response = new MockHttpServletResponse();
        handlers.handle(request, response, rejected);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        return JSON.readTree(response.getContentAsByteArray());
    }
}
