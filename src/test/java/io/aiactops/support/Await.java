package io.aiactops.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for a condition, never for a time: "it happened" is proven when the condition holds, and a
 * timeout fails the test naming what was awaited. The one polling loop of the tests.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(200);

    private Await() {
    }

    /** Probes until {@code done} holds for the probed value, and returns that value. */
    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        try {
            return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(probe, done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what, e);
        }
    }

    /** Probes until {@code condition} holds. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, condition, Boolean.TRUE::equals);
    }

    /** Waits until another thread has counted {@code latch} down, e.g. a transaction it holds open. */
    public static void countedDown(String what, CountDownLatch latch, Duration timeout) {
        try {
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting: " + what, e);
        }
    }
}
