package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.aiactops.support.Api;
import io.aiactops.support.BenchmarkApp;
import io.aiactops.support.BenchmarkEvents;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test: {@code ./mvnw -Pbenchmark verify -Dit.test=SignalBenchmark} (docs/benchmarks.md).
 * In one run on PostgreSQL: single-event appends through the log API, then non-breaching signals
 * through the signals API (the same append plus the DMN check), then breach-to-task latency while a
 * steady stream of non-breaching signals goes on.
 */
class SignalBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkApp.RESULTS);

    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 6_000);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
    private static final int ROUNDS = 8;
    private static final int BREACHES = Integer.getInteger("benchmark.breaches", 200);
    private static final int STREAM_RATE = Integer.getInteger("benchmark.streamRate", 100);

    @Test
    void signalRateAgainstSingleEventAppendsAndBreachToTaskLatency() throws Exception {
        try (BenchmarkApp app = BenchmarkApp.start("aiactops_bench_signals")) {
            Api api = app.api();
            String systemId = BenchmarkEvents.register(api);
            // Both carry a client id, as platforms send them: idempotency costs the same on both paths.
            IntFunction<String> logEvent = i -> "[{\"type\":\"monitoring_signal\",\"occurredAt\":\"" + Instant.now()
                    + "\",\"clientEventId\":\"e-" + i + "\",\"payload\":{\"metric\":\"accuracy\",\"category\":\"performance\",\"value\":0.91,\"source\":\"bench\"}}]";
            IntFunction<String> okSignal = i -> "{\"metric\":\"accuracy\",\"category\":\"performance\",\"value\":0.91,"
                    + "\"observedAt\":\"" + Instant.now() + "\",\"source\":\"bench\",\"signalId\":\"s-" + i + "\"}";

            rate(api, "/api/systems/" + systemId + "/logs", i -> logEvent.apply(-1 - i), 500, 201); // warm-up
            rate(api, "/api/systems/" + systemId + "/signals", i -> okSignal.apply(-1 - i), 500, 202);
            // Alternating rounds, so that a slower moment of the machine (disk, other load) hits both paths.
            double appendSeconds = 0;
            double signalSeconds = 0;
            int perRound = REQUESTS / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                int offset = round * perRound;
                appendSeconds += perRound / rate(api, "/api/systems/" + systemId + "/logs",
                        i -> logEvent.apply(offset + i), perRound, 201);
                signalSeconds += perRound / rate(api, "/api/systems/" + systemId + "/signals",
                        i -> okSignal.apply(offset + i), perRound, 202);
            }
            double appends = perRound * ROUNDS / appendSeconds;
            double signals = perRound * ROUNDS / signalSeconds;

            List<Double> latencies = breachLatencies(app, api, systemId, okSignal);
            Collections.sort(latencies);
            log.info(String.format(Locale.ROOT, """

                    === Signal benchmark (PostgreSQL %s, %d requests per path in %d alternating rounds, %d clients) ===
                    single-event appends, POST /logs      : %,8.0f events/s
                    non-breaching signals, POST /signals  : %,8.0f signals/s
                    signals / appends                     : %8.0f %%  (target >= 70 %%)
                    breach-to-task latency, %d breaches, one every 20 ms, under a steady stream of signals:
                      p50 %.1f ms, p99 %.1f ms, max %.1f ms  (target p99 < 250 ms)""",
                    app.databaseUrl(), REQUESTS, ROUNDS, CLIENTS, appends, signals, 100 * signals / appends, latencies.size(),
                    percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1)));
        }
    }

    /** Each breach goes to a system of its own, so each opens a new review (a new task). */
    private static List<Double> breachLatencies(BenchmarkApp app, Api api, String streamSystem, IntFunction<String> okSignal)
            throws Exception {
        List<String> systems = new ArrayList<>();
        for (int i = 0; i < BREACHES; i++) {
            systems.add(BenchmarkEvents.register(api));
        }
        TaskService tasks = app.bean(TaskService.class);
        // A steady stream below capacity, as production sends it: latency under saturation would only
        // measure the queue.
        AtomicInteger streamed = new AtomicInteger(1_000_000);
        ScheduledExecutorService stream = Executors.newScheduledThreadPool(4);
        ScheduledFuture<?> streaming = stream.scheduleAtFixedRate(() -> expect(api.send("POST", "/api/systems/" + streamSystem + "/signals",
                "application/json", okSignal.apply(streamed.incrementAndGet())), 202), 0, 1_000_000 / STREAM_RATE,
                TimeUnit.MICROSECONDS);
        List<Double> latencies = new ArrayList<>();
        for (String system : systems) {
            long start = System.nanoTime();
            Api.Response response = expect(api.send("POST", "/api/systems/" + system + "/signals", "application/json",
                    "{\"metric\":\"accuracy\",\"category\":\"performance\",\"value\":0.70,\"observedAt\":\""
                            + Instant.now() + "\"}"), 202);
            String reviewId = response.json().get("breaches").get(0).get("reviewId").asText();
            // The task is committed with the signal: it is there for Tasklist when the 202 arrives.
            assertThat(tasks.createTaskQuery().processInstanceId(reviewId).count()).isEqualTo(1);
            latencies.add((System.nanoTime() - start) / 1e6);
            Thread.sleep(20);
        }
        // A periodic task that throws is never run again and says so only through its future: get() rethrows
        // the failure, so that a stream that stopped fails the benchmark instead of flattering it.
        if (streaming.isDone()) {
            streaming.get();
        }
        streaming.cancel(false);
        stream.shutdown();
        assertThat(stream.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        log.info("steady stream: {} signals at {}/s alongside the breaches", streamed.get() - 1_000_000, STREAM_RATE);
        return latencies;
    }

    private static double rate(Api api, String path, IntFunction<String> body, int requests, int status) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    expect(api.send("POST", path, "application/json", body.apply(i)), status);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return requests / ((System.nanoTime() - start) / 1e9);
    }

    private static Api.Response expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.toString());
        }
        return response;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
