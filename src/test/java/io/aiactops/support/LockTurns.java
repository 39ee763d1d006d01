package io.aiactops.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/** Proves that two transactions take turns on a row: the second waits for the first's lock, in PostgreSQL. */
public final class LockTurns {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LockTurns() {
    }

    /**
     * Runs {@code first} in a transaction left open, then {@code second} in another thread; waits until
     * PostgreSQL shows {@code second} blocked by the open transaction, runs {@code whileWaiting} (the second
     * still waits), commits the first and returns what the second gave.
     */
    public static <T> T secondWaitsForFirst(PlatformTransactionManager transactions, JdbcClient jdbc, Runnable first,
            Supplier<T> second, Runnable whileWaiting) throws Exception {
        TransactionStatus open = transactions.getTransaction(new DefaultTransactionDefinition());
        CompletableFuture<T> waiting;
        try {
            first.run();
            int holder = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
            waiting = CompletableFuture.supplyAsync(second);
            Await.until("the second transaction waiting for the first", TIMEOUT,
                    () -> jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")
                            .param(holder).query(Long.class).single() > 0);
            if (waiting.isDone()) {
                throw new AssertionError("the second did not wait for the first: " + waiting.get());
            }
            whileWaiting.run();
        } finally {
            transactions.commit(open);
        }
        return waiting.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
