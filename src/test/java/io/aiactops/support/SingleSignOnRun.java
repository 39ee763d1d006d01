package io.aiactops.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The production profile with single sign-on against a {@link TestOidcProvider}, as an operator runs
 * it: its own JVM, on its own database. The app is addressed as 127.0.0.1, the provider as localhost.
 */
public record SingleSignOnRun(TestOidcProvider provider, AppProcess app) implements AutoCloseable {

    private static SingleSignOnRun shared;

    /** Starts a provider and the app configured for it, with these extra app arguments. */
    public static SingleSignOnRun start(String databasePrefix, String... appArguments) {
        TestOidcProvider provider = TestOidcProvider.start();
        try {
            List<String> arguments = new ArrayList<>(provider.appArguments());
            arguments.addAll(List.of(appArguments));
            AppProcess app = ProductionApp.start(TestPostgres.newDatabase(databasePrefix), arguments.toArray(String[]::new));
            SingleSignOnRun run = new SingleSignOnRun(provider, app);
            provider.allowLogoutTo(run.baseUrl() + "/sso/logged-out");
            return run;
        } catch (RuntimeException | AssertionError e) {
            provider.close();
            throw e;
        }
    }

    /**
     * One run for the whole test JVM, started at first use and stopped when the JVM ends, for test classes
     * that leave the provider up: each start of the app costs about half a minute.
     */
    public static synchronized SingleSignOnRun shared() {
        if (shared == null) {
            shared = start("sso_shared");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public Api api() {
        return Api.anonymous(app.port());
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            provider.close();
        }
    }
}
