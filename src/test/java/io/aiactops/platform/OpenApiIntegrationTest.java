package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@IntegrationTest
class OpenApiIntegrationTest {

    private static final Path CHECKED_IN = Path.of("docs", "openapi.yaml");
    private static final Path LIVE = Path.of("target", "openapi.yaml");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theCheckedInDescriptionIsTheOneTheAppServes() throws IOException {
        Api.Response live = Api.anonymous(port).as("auditor").get("/v3/api-docs.yaml");
        assertThat(live.status()).as(live.toString()).isEqualTo(200);

        String served = normalised(live.body());
        String checkedIn = Files.exists(CHECKED_IN) ? normalised(Files.readString(CHECKED_IN)) : "";

        if (!served.equals(checkedIn)) {
            Files.createDirectories(LIVE.getParent());
            Files.writeString(LIVE, served);
            fail(CHECKED_IN + " is not the description the app serves (first difference at line "
                    + firstDifferentLine(served, checkedIn) + "). The live one is in " + LIVE
                    + "; if the change is intended, update the checked-in one: cp " + LIVE + " " + CHECKED_IN);
        }
    }

    @Test
    void theDescriptionAndSwaggerUiNeedALoggedInUser() {
        Api anonymous = Api.anonymous(port);

        Api.Response json = anonymous.get("/v3/api-docs");
        Api.Response yaml = anonymous.get("/v3/api-docs.yaml");
        Api.Response ui = anonymous.get("/swagger-ui/index.html");

        assertThat(json.status()).isEqualTo(401);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(yaml.status()).isEqualTo(401);
        assertThat(ui.status()).isEqualTo(401);
        assertThat(anonymous.get("/swagger-ui.html").status()).isEqualTo(401);
        assertThat(anonymous.as("ingest").get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void describesEveryApiRoute() {
        JsonNode paths = Api.anonymous(port).as("auditor").get("/v3/api-docs").json().get("paths");

        List<String> routes = mappings.getHandlerMethods().keySet().stream()
                .flatMap(OpenApiIntegrationTest::apiRoutes)
                .sorted()
                .toList();

        assertThat(routes).hasSizeGreaterThan(10);
        assertThat(routes).allSatisfy(route -> {
            String[] methodAndPath = route.split(" ", 2);
            JsonNode path = paths.path(methodAndPath[1]);
            assertThat(methodAndPath[0].equals("ANY") ? !path.isMissingNode()
                    : path.has(methodAndPath[0].toLowerCase(Locale.ROOT))).as(route).isTrue();
        });
        paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void describesTheBodiesThatAreReadRawOrAsJsonTrees() {
        JsonNode paths = Api.anonymous(port).as("auditor").get("/v3/api-docs").json().get("paths");

        JsonNode logs = paths.path("/api/systems/{id}/logs").path("post").path("requestBody").path("content");
        JsonNode signals = paths.path("/api/systems/{id}/signals").path("post").path("requestBody").path("content");
        JsonNode alerts = paths.path("/api/integrations/alertmanager").path("post").path("requestBody").path("content");
        JsonNode stop = paths.path("/api/systems/{id}/stop").path("post").path("requestBody").path("content");

        assertThat(logs.has("application/json")).as("logs as JSON").isTrue();
        assertThat(logs.has("application/x-ndjson")).as("logs as NDJSON").isTrue();
        assertThat(signals.path("application/json").path("examples").has("signal")).as("signal example").isTrue();
        assertThat(alerts.path("application/json").path("examples").has("firing")).as("Alertmanager example").isTrue();
        assertThat(stop.path("application/json").path("examples").has("stop")).as("stop example").isTrue();
        assertThat(paths.path("/api/systems/{id}/signals").path("post").path("responses").path("404").path("content")
                .path("application/problem+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
    }

    /** "GET /api/systems/{id}" for each method and path of a mapping; "ANY" where it names no method. */
    private static Stream<String> apiRoutes(RequestMappingInfo info) {
        List<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
        return info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/") || path.equals("/api"))
                .flatMap(path -> (methods.isEmpty() ? List.of("ANY") : methods).stream().map(method -> method + " " + path));
    }

    private static String normalised(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        return unix.endsWith("\n") ? unix : unix + "\n";
    }

    private static int firstDifferentLine(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            if (!left[i].equals(right[i])) {
                return i + 1;
            }
        }
        return Math.min(left.length, right.length) + 1;
    }
}
