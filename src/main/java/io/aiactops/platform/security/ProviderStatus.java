package io.aiactops.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the identity provider answers its discovery document: shown by /actuator/health, and asked
 * before a login is sent there, so that people see why they cannot log in instead of a browser error.
 * Requests with tokens do not need it: the provider's keys are cached.
 */
class ProviderStatus implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final URI discovery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ProviderStatus(OidcProperties properties) {
        this.discovery = URI.create(properties.issuerUri().replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    boolean reachable() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Health health() {
        return (reachable() ? Health.up() : Health.down()).withDetail("discovery", discovery.toString()).build();
    }
}
