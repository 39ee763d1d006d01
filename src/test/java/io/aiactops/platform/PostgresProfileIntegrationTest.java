package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.TestPostgres;
import org.junit.jupiter.api.Test;

/** The production profile, started as an operator starts it: its own JVM, settings from the environment. */
class PostgresProfileIntegrationTest {

    @Test
    void refusesToStartWithoutItsEnvironmentNamingWhatIsMissing() {
        try (AppProcess app = AppProcess.start(Map.of("DB_URL", TestPostgres.newDatabase("profile_missing")),
                "--spring.profiles.active=postgres")) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(app.output()).contains("The postgres profile needs these environment variables, which are not set: "
                    + "AIACT_ADMIN_PASSWORD, AIACT_ADMIN_USER, DB_PASSWORD, DB_USER");
        }
    }

    @Test
    void createsItsTablesWithoutDemoDataAndRestartsCleanlyOnTheSameDatabase() {
        Map<String, String> environment = Map.of(
                "DB_URL", TestPostgres.newDatabase("profile"),
                "DB_USER", "postgres",
                "DB_PASSWORD", "unused-with-trust-auth",
                "AIACT_ADMIN_USER", "chief",
                "AIACT_ADMIN_PASSWORD", "s3cret-from-the-vault");

        for (int start = 1; start <= 2; start++) {
            try (AppProcess app = AppProcess.start(environment, "--spring.profiles.active=postgres")) {
                app.awaitHealthy(Duration.ofSeconds(90));
                Api api = Api.anonymous(app.port());

                assertThat(api.as("chief", "s3cret-from-the-vault").get("/api/systems").json())
                        .as("start %d: no demo system", start).isEmpty();
                assertThat(api.as("overseer").get("/api/systems").status()).as("no demo users").isEqualTo(401);
                assertThat(api.as("admin").get("/api/systems").status()).as("no demo admin").isEqualTo(401);
                assertThat(api.as("chief", "s3cret-from-the-vault").get("/engine-rest/group?id=ai-overseers").json())
                        .hasSize(1);
                assertThat(api.as("chief", "s3cret-from-the-vault").get("/engine-rest/filter").json())
                        .as("start %d: the shared Tasklist filters, once each", start)
                        .extracting(f -> f.get("name").asText())
                        .containsOnlyOnce("Alerts to review — critical first", "My open tasks",
                                "Stopped AI systems awaiting resume");
                assertThat(app.output()).doesNotContain("ERROR");
            }
        }
    }
}
