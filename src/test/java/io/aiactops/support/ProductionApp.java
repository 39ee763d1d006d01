package io.aiactops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app in its own JVM with the {@code postgres} profile, as an operator runs it: its database and
 * first administrator from the environment, no demo data. For crash, outage and two-node tests.
 */
public final class ProductionApp {

    public static final String ADMIN = "operator";
    public static final String ADMIN_PASSWORD = "reliability-test-secret";

    private ProductionApp() {
    }

    /** Starts one node on the database at {@code jdbcUrl}, with these extra arguments, and waits until healthy. */
    public static AppProcess start(String jdbcUrl, String... args) {
        AppProcess app = launch(jdbcUrl, args);
        try {
            return app.awaitHealthy(Duration.ofSeconds(180));
        } catch (AssertionError e) {
            app.close();
            throw e;
        }
    }

    /** Starts one node without waiting for it: for a start that is meant to fail or to be killed. */
    public static AppProcess launch(String jdbcUrl, String... args) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
        arguments.addAll(List.of(args));
        return AppProcess.start(Map.of("DB_URL", jdbcUrl, "DB_USER", "postgres", "DB_PASSWORD", "postgres",
                "AIACT_ADMIN_USER", ADMIN, "AIACT_ADMIN_PASSWORD", ADMIN_PASSWORD), arguments.toArray(String[]::new));
    }

    public static Api admin(AppProcess app) {
        return Api.anonymous(app.port()).as(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates a person through Camunda's REST API, as an administrator does in Camunda Admin. */
    public static void createUser(Api admin, String id, String password, String group, String email) {
        Api.Response created = admin.post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", id, "lastName", "Test", "email", email),
                "credentials", Map.of("password", password)));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        Api.Response member = admin.send("PUT", "/engine-rest/group/" + group + "/members/" + id, null, (String) null);
        assertThat(member.status()).as(member.body()).isEqualTo(204);
    }

    /** The first column of a query run as the database superuser, one string per row. */
    public static List<String> column(String jdbcUrl, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
