package io.aiactops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
        Await.until("the job queue empty and no retry due", timeout,
                () -> count(admin, "executable=true") == 0 && count(admin, "messages=true&withRetriesLeft=true") == 0);
    }

    private static long count(Api admin, String query) {
        Api.Response response = admin.get("/engine-rest/job/count?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("count").asLong();
    }
}
