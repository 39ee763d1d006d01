package io.aiactops.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database a benchmark runs on: a fresh database on the PostgreSQL server named by
 * {@code BENCH_PG} (default {@code 127.0.0.1:5432}, user {@code postgres}), the machine's own
 * server with fsync on, as in production.
 */
public final class BenchmarkDatabase {

    private BenchmarkDatabase() {
    }

    public static String create(String name) {
        String server = System.getenv().getOrDefault("BENCH_PG", "127.0.0.1:5432");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmarks need the PostgreSQL server at " + server
                    + " (set BENCH_PG=host:port): " + e.getMessage(), e);
        }
        return "jdbc:postgresql://" + server + "/" + name;
    }
}
