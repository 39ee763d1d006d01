package io.aiactops.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A black-box HTTP client of the running app, as a given user (or anonymous, or with a token). */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;

    private Api(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port, null);
    }

    public Api as(String user) {
        return as(user, "demo");
    }

    public Api as(String user, String password) {
        return new Api(baseUrl, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Api withToken(String token) {
        return new Api(baseUrl, "Bearer " + token);
    }

    public Response get(String path) {
        return send("GET", path, null, (String) null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, "application/json", json(body));
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, "application/merge-patch+json", json(body));
    }

    public Response delete(String path) {
        return send("DELETE", path, null, (String) null);
    }

    /** Sends a raw body with any content type (malformed JSON, NDJSON, wrong types). */
    public Response send(String method, String path, String contentType, String body) {
        return sendBody(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** Sends a body encoded once beforehand: benchmarks, so that the client spends no CPU re-encoding it. */
    public Response send(String method, String path, String contentType, byte[] body) {
        return sendBody(method, path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** Sends a body with extra headers (CloudEvents' ce-* attributes); a null header value is left out. */
    public Response send(String method, String path, String contentType, String body, Map<String, String> headers) {
        return sendBody(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), headers);
    }

    /**
     * Deploys files through /engine-rest as Camunda Modeler's "Deploy" does: one multipart request, a
     * part per file, named by its file name.
     */
    public Response deploy(String deploymentName, Map<String, String> files) {
        String boundary = "aiact-ops-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        Map.of("deployment-name", deploymentName, "deployment-source", "Camunda Modeler").forEach((name, value) ->
                body.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                        .append(value).append("\r\n"));
        files.forEach((file, content) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(file).append("\"; filename=\"").append(file)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                body.toString());
    }

    private Response sendBody(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        return sendBody(method, path, contentType, body, Map.of());
    }

    private Response sendBody(String method, String path, String contentType, HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
