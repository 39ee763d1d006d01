package io.aiactops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's job queue, read through {@code /engine-rest} (one database: any node sees every job).
 * "Sent exactly once" is counted only once the queue is idle: nothing is left that could send again.
 */
public final class JobQueue {

    private JobQueue() {
    }

    /**
     * Waits until no job is due to run (executable: retries left, due now or without a due date) and no
     * asynchronous continuation is left (one that failed waits for its retry as a message job with a
     * later due date). Timers due later, such as a reminder cycle, do not count: they are not queued yet.
     */
    public static void awaitIdle(Api admin, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (count(admin, "executable=true") > 0 || count(admin, "messages=true&withRetriesLeft=true") > 0) {
            assertThat(Instant.now()).as("the job queue empty and no retry due").isBefore(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long count(Api admin, String query) {
        Api.Response response = admin.get("/engine-rest/job/count?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("count").asLong();
    }
}
