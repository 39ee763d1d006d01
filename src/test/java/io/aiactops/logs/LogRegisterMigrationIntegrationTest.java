package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.AppProcess;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.TestPostgres;
import io.aiactops.support.TestSystems;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * An existing register is upgraded to partitions without copying a row: a database at the schema
 * before partitions (Flyway target 1.24) gets chains spread over three months, then the app starts on
 * it; the old table is the "legacy" partition behind a validated range constraint, every chain still
 * verifies, and appends go on into the monthly partitions.
 */
class LogRegisterMigrationIntegrationTest {

    private static final List<String> SYSTEMS = List.of("legacy-a", "legacy-b", "legacy-c");
    private static final int EVENTS = 3_000;

    @Test
    void aPopulatedRegisterBecomesTheLegacyPartitionAndEveryChainStillVerifies() throws Exception {
        String database = TestPostgres.newDatabase("migrate");
        Flyway.configure().dataSource(database, "postgres", "postgres")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .table("aiact_schema_history").target("1.24").load().migrate();
        Instant start = Instant.now().minus(Duration.ofDays(90));
        try (Connection c = DriverManager.getConnection(database, "postgres", "postgres")) {
            for (String system : SYSTEMS) {
                RegisterSeeder.createSystem(c, system, 365, start);
                RegisterSeeder.append(c, system, start, Duration.ofMinutes(43), EVENTS);
            }
        }
        assertThat(ProductionApp.column(database, "SELECT relkind FROM pg_class WHERE relname = 'log_event'"))
                .containsExactly("r");
        String headsBefore = String.join(",", ProductionApp.column(database,
                "SELECT system_id || ':' || last_seq || ':' || last_hash FROM log_chain_head ORDER BY system_id"));

        try (AppProcess app = ProductionApp.start(database)) {
            Api api = ProductionApp.admin(app);
            assertThat(ProductionApp.column(database, "SELECT relkind FROM pg_class WHERE relname = 'log_event'"))
                    .containsExactly("p");
            assertThat(ProductionApp.column(database, "SELECT partition_name FROM log_event_partitions() ORDER BY range_from"))
                    .first().isEqualTo("log_event_legacy");
            assertThat(ProductionApp.column(database, "SELECT convalidated FROM pg_constraint "
                    + "WHERE conname = 'log_event_legacy_range'")).containsExactly("t");
            assertThat(ProductionApp.column(database, "SELECT count(*) FROM log_event_legacy"))
                    .containsExactly(String.valueOf(SYSTEMS.size() * EVENTS));
            assertThat(String.join(",", ProductionApp.column(database,
                    "SELECT system_id || ':' || last_seq || ':' || last_hash FROM log_chain_head ORDER BY system_id")))
                    .isEqualTo(headsBefore);
            for (String system : SYSTEMS) {
                JsonNode verification = api.get("/api/systems/" + system + "/logs/verify").json();
                assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
                assertThat(verification.get("eventsChecked").asLong()).isEqualTo(EVENTS);
            }

            // Appends go on, into this month's partition, and the chain still verifies across the two.
            Api.Response appended = api.send("POST", "/api/systems/legacy-a/logs", "application/json",
                    "[{\"type\":\"custom\",\"clientEventId\":\"after-upgrade\"},{\"type\":\"custom\"}]");
            assertThat(appended.status()).as(appended.body()).isEqualTo(201);
            assertThat(appended.json().get("firstSeq").asLong()).isEqualTo(EVENTS + 1);
            assertThat(ProductionApp.column(database, "SELECT DISTINCT tableoid::regclass::text FROM log_event "
                    + "WHERE system_id = 'legacy-a' AND seq > ?", (long) EVENTS)).singleElement().asString()
                    .startsWith("log_event_2");
            JsonNode verification = api.get("/api/systems/legacy-a/logs/verify").json();
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.get("headSeq").asLong()).isEqualTo(EVENTS + 2);
            // A client event id from before the upgrade, within the window, is still a repeat.
            Api.Response repeated = api.send("POST", "/api/systems/legacy-a/logs", "application/json",
                    "[{\"type\":\"inference\",\"clientEventId\":\"legacy-a-" + (EVENTS - 1)
                            + "\",\"payload\":{\"inputRef\":\"r\",\"output\":1}}]");
            assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
            // A system registered after the upgrade is appended to as usual.
            String fresh = TestSystems.uniqueId("after-upgrade");
            assertThat(api.post("/api/systems", TestSystems.registration(fresh)).status()).isEqualTo(201);
            assertThat(api.get("/api/systems/" + fresh + "/logs/verify").json().get("valid").asBoolean()).isTrue();
            assertThat(api.get("/api/systems/legacy-b/logs?from=" + start.plus(Duration.ofDays(30)) + "&to="
                    + start.plus(Duration.ofDays(30)).plus(Duration.ofHours(2))).json().get("events")).hasSizeBetween(2, 3);
        }
    }
}
