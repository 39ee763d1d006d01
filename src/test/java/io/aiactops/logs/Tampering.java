package io.aiactops.logs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Tampering with the register as a database superuser would: the append-only triggers bypassed. */
final class Tampering {

    private Tampering() {
    }

    static void asSuperuser(String databaseUrl, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
