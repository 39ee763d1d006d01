package io.aiactops.platform;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The postgres profile has no default credential anywhere: it refuses to start, naming every
 * missing environment variable, before anything connects or creates a user.
 */
class ProductionProfileGuard implements EnvironmentPostProcessor {

    private static final Map<String, String> REQUIRED = Map.of(
            "DB_URL", "spring.datasource.url",
            "DB_USER", "spring.datasource.username",
            "DB_PASSWORD", "spring.datasource.password",
            "AIACT_ADMIN_USER", "camunda.bpm.admin-user.id",
            "AIACT_ADMIN_PASSWORD", "camunda.bpm.admin-user.password");

    /** Single sign-on, once its issuer is set, needs our client at the provider as well. */
    private static final Map<String, String> OIDC_REQUIRED = Map.of(
            "AIACT_OIDC_CLIENT_ID", "aiact.security.oidc.client-id",
            "AIACT_OIDC_CLIENT_SECRET", "aiact.security.oidc.client-secret");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!List.of(environment.getActiveProfiles()).contains("postgres")) {
            return;
        }
        boolean singleSignOn = !environment.getProperty("aiact.security.oidc.issuer-uri", "").isBlank();
        List<String> missing = Stream.concat(REQUIRED.entrySet().stream(),
                        singleSignOn ? OIDC_REQUIRED.entrySet().stream() : Stream.empty())
                .filter(e -> environment.getProperty(e.getValue(), "").isBlank())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The postgres profile needs these environment variables, which are not set: "
                    + String.join(", ", missing) + ". See README.md, \"Run on PostgreSQL\".");
        }
    }
}
