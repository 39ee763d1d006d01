package io.aiactops.support;

import java.util.ArrayList;
import java.util.List;

import io.aiactops.AiactOpsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app as production runs it (postgres profile, fsync on) inside the benchmark's JVM, on a fresh
 * database of the benchmark server ({@link BenchmarkDatabase}), with an administrator as client.
 */
public final class BenchmarkApp implements AutoCloseable {

    /** The logger benchmarks print their results to; the app itself logs warnings only. */
    public static final String RESULTS = "benchmark";
    /** The administrator the benchmarks call the API as. */
    public static final String USER = "bench";
    public static final String PASSWORD = "bench-secret";

    private final ConfigurableApplicationContext context;
    private final String databaseUrl;

    private BenchmarkApp(ConfigurableApplicationContext context, String databaseUrl) {
        this.context = context;
        this.databaseUrl = databaseUrl;
    }

    /** {@code settings}: further {@code --name=value} arguments, e.g. the Kafka bindings of a benchmark. */
    public static BenchmarkApp start(String database, String... settings) {
        String url = BenchmarkDatabase.create(database);
        // Command-line arguments: they outrank application-postgres.yml, which reads the environment.
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.admin-user.id=" + USER, "--camunda.bpm.admin-user.password=" + PASSWORD,
                "--logging.level.root=WARN", "--logging.level." + RESULTS + "=INFO",
                // A new database has missed every scheduled verification: its catch-up would run mid-measurement.
                "--aiact.logs.verification.catch-up-delay=P3650D"));
        args.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AiactOpsApplication.class)
                .profiles("postgres").run(args.toArray(String[]::new));
        return new BenchmarkApp(context, url);
    }

    public Api api() {
        return Api.anonymous(port()).as(USER, PASSWORD);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
