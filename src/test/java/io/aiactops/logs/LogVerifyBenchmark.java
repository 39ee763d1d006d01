package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.support.Api;
import io.aiactops.support.BenchmarkApp;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: {@code ./mvnw -Pbenchmark verify -Dit.test=LogVerifyBenchmark} (docs/benchmarks.md).
 * Appends N events through the HTTP API, then in alternating rounds reads the chain through the
 * verification's own cursor without hashing (the baseline) and verifies it; then an incremental
 * verification, the export, and the offline verifier on that export, which it leaves in
 * {@code target/benchmark/} for other measurements.
 */
class LogVerifyBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkApp.RESULTS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int EVENTS = Integer.getInteger("benchmark.events", 500_000);
    private static final int ROUNDS = 3;

    @Test
    void verifyRateAgainstReadingTheSameRows() throws Exception {
        try (BenchmarkApp app = BenchmarkApp.start("aiactops_bench_verify")) {
            Api api = app.api();
            String systemId = TestSystems.uniqueId("bench");
            assertThat(api.post("/api/systems", TestSystems.registration(systemId)).status()).isEqualTo(201);
            List<byte[]> batches = new ArrayList<>();
            for (int b = 0; b < EVENTS / LogRegisterBenchmark.BATCH; b++) {
                batches.add(LogRegisterBenchmark.batchBody(b).getBytes(StandardCharsets.UTF_8));
            }
            LogRegisterBenchmark.run(api, systemId, batches, 2);

            LogEventStore store = app.bean(LogEventStore.class);
            LogRegister register = app.bean(LogRegister.class);
            TransactionTemplate snapshot = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
            snapshot.setReadOnly(true);
            snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            long events = register.verify(systemId).eventsChecked();
            DoubleSupplier read = () -> {
                long[] touched = new long[2];
                long start = System.nanoTime();
                snapshot.executeWithoutResult(tx -> store.forEachStored(systemId, 0, row -> {
                    touched[0]++;
                    touched[1] += row.payload().length() + row.hash().length(); // keeps the JIT from dropping the reads
                }));
                assertThat(touched[0]).isEqualTo(events);
                return events / ((System.nanoTime() - start) / 1e9);
            };
            DoubleSupplier verify = () -> {
                long start = System.nanoTime();
                Verification verification = register.verify(systemId);
                assertThat(verification.valid()).isTrue();
                return verification.eventsChecked() / ((System.nanoTime() - start) / 1e9);
            };
            read.getAsDouble(); // warm-up: JIT (SHA-256 intrinsics), the table in the page cache
            verify.getAsDouble();
            double[] reads = new double[ROUNDS];
            double[] verifies = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                reads[round] = read.getAsDouble();
                verifies[round] = verify.getAsDouble();
            }
            double readRate = median(reads);
            double verifyRate = median(verifies);

            app.bean(Checkpointer.class).checkpoint();
            LogRegisterBenchmark.run(api, systemId, batches.subList(0, 10), 1);
            long incrementalStart = System.nanoTime();
            Verification incremental = register.verifySinceLatestCheckpoint(systemId);
            double incrementalMs = (System.nanoTime() - incrementalStart) / 1e6;
            assertThat(incremental.valid()).isTrue();

            Path export = Files.createDirectories(Path.of("target", "benchmark")).resolve("log-export-" + EVENTS + ".ndjson");
            long exportStart = System.nanoTime();
            HttpResponse<Path> exported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + app.port() + "/api/systems/" + systemId + "/logs/export"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "bench:bench-secret".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofFile(export));
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            assertThat(exported.statusCode()).isEqualTo(200);
            Verification full = register.verify(systemId);

            long offlineStart = System.nanoTime();
            Process python = new ProcessBuilder("python3", "src/verifier/verify_log_export.py", export.toString()).start();
            JsonNode offline = JSON.readTree(python.getInputStream().readAllBytes());
            assertThat(python.waitFor()).as(offline.toString()).isZero();
            double offlineSeconds = (System.nanoTime() - offlineStart) / 1e9;
            assertThat(offline.get("eventsChecked").asLong()).isEqualTo(full.eventsChecked());
            assertThat(offline.get("headHash").asText()).isEqualTo(full.headHash());

            log.info(String.format(Locale.ROOT, """
                    %n=== Log verify benchmark (PostgreSQL %s, %d events, median of %d alternating rounds) ===
                    read, the verification's cursor, no hashing : %,10.0f events/s   (rounds: %s)
                    full verify (GET .../logs/verify)           : %,10.0f events/s   (rounds: %s)
                    verify / read                               : %10.0f %%  (target >= 90 %%)
                    incremental verify after %,d new events     : %,10.0f ms
                    export (NDJSON over HTTP, %,d MB)          : %,10.0f events/s
                    offline verifier (%s, %d processes) : %,10.0f events/s  (target >= 100,000), same answer: valid, %d events, head %s
                    export kept in %s%n""", app.databaseUrl(), events, ROUNDS, readRate, rates(reads), verifyRate,
                    rates(verifies), 100 * verifyRate / readRate, incremental.eventsChecked(), incrementalMs,
                    Files.size(export) >> 20, full.eventsChecked() / exportSeconds, pythonVersion(),
                    Runtime.getRuntime().availableProcessors(), full.eventsChecked() / offlineSeconds,
                    full.eventsChecked(), full.headHash().substring(0, 12), export));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String rates(double[] values) {
        return String.join(", ", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
    }

    private static String pythonVersion() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
