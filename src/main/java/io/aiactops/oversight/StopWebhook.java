package io.aiactops.oversight;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Tells a serving layer to stop, where one is configured ({@code aiact.oversight.stop-webhooks.<system>}).
 * Any answer but 2xx fails, so the async job retries it. Named for the gateway that asks
 * {@code ${stopWebhook.configuredFor(aiSystemId)}}.
 */
@Component("stopWebhook")
public class StopWebhook {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final OversightProperties properties;
    private final ObjectMapper objectMapper;

    StopWebhook(OversightProperties properties, ObjectMapper objectMapper) {
        this.properties = properties;
        this.objectMapper = objectMapper;
    }

    public boolean configuredFor(String aiSystemId) {
        return properties.stopWebhooks().containsKey(aiSystemId);
    }

    public void call(String aiSystemId, Map<String, Object> order) {
        OversightProperties.StopWebhookTarget target = properties.stopWebhooks().get(aiSystemId);
        if (target == null) {
            throw new IllegalStateException("No stop webhook is configured for AI system '" + aiSystemId + "'");
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(objectMapper.writeValueAsString(order)));
            if (target.bearerToken() != null && !target.bearerToken().isBlank()) {
                request.header("Authorization", "Bearer " + target.bearerToken());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Stop webhook of '" + aiSystemId + "' answered " + response.statusCode());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("Stop webhook of '" + aiSystemId + "' unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the stop webhook", e);
        }
    }
}
