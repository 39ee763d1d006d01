package io.aiactops.platform;

import java.util.List;
import java.util.Map;

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

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!List.of(environment.getActiveProfiles()).contains("postgres")) {
            return;
        }
        List<String> missing = REQUIRED.entrySet().stream()
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
