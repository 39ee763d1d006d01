package io.aiactops.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at its own database on the embedded PostgreSQL server and at the
 * GreenMail SMTP server. Contexts are cached, so all integration tests sharing a configuration share
 * one database; each test creates its own AI systems and users, so they do not interfere.
 */
public class IntegrationTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String MLFLOW_MODEL = "it-loan-scoring";
    public static final String MLFLOW_SYSTEM = "mlflow-it-loan-scoring";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = TestPostgres.newDatabase("it");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("integration-test", Map.ofEntries(
                Map.entry("spring.datasource.url", url),
                Map.entry("spring.datasource.username", "postgres"),
                Map.entry("spring.datasource.password", "postgres"),
                Map.entry("spring.datasource.driver-class-name", "org.postgresql.Driver"),
                Map.entry("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true"),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("spring.mail.port", String.valueOf(TestMail.port())),
                // A company holiday in FR, so that tests can see configured holidays skipped.
                Map.entry("aiact.incidents.calendar.extra-holidays.FR[0]", "2026-07-13"),
                // The MLflow webhook test's registered model, for a system that test registers itself.
                Map.entry("aiact.deployment.mlflow.models." + MLFLOW_MODEL, MLFLOW_SYSTEM),
                // Built-in monitors run when a test calls them (BuiltinMonitorRun.run): a scheduled run writes
                // signals and reviews at moments no test controls, and BadInputIntegrationTest counts rows.
                Map.entry("aiact.monitoring.builtin.poll-interval", "PT24H"),
                // The verification's catch-up runs when ChainVerificationJobIntegrationTest calls it: run on its
                // own it would verify every test's chain at a moment no test controls.
                Map.entry("aiact.logs.verification.catch-up-delay", "P3650D"))));
    }
}
