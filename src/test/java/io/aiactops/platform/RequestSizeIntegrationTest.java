package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A body over the /api limit (1 MB) is refused with 413, whether its length is announced or not. */
@IntegrationTest
class RequestSizeIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anOversizedBodyIsRefusedBeforeItIsParsedAndNothingIsStored() throws Exception {
        Api api = Api.anonymous(port);
        String systemId = TestSystems.register(api, "size");
        int before = api.as("auditor").get("/api/systems/" + systemId + "/logs").json().get("events").size();
        String huge = "[" + ("{\"metric\":\"accuracy\",\"category\":\"performance\",\"value\":0.5,"
                + "\"observedAt\":\"2026-11-25T09:00:00Z\"},").repeat(30_000) + "{}]";

        Api.Response announced = api.as("ingest").send("POST", "/api/systems/" + systemId + "/signals",
                "application/json", huge);
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.contentType()).startsWith("application/problem+json");

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/systems/" + systemId + "/signals"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("ingest:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);

        assertThat(api.as("auditor").get("/api/systems/" + systemId + "/logs").json().get("events")).hasSize(before);
    }
}
