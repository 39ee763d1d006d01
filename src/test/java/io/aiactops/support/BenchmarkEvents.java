package io.aiactops.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The inference events the register benchmarks append, the same through every way in. */
public final class BenchmarkEvents {

    private BenchmarkEvents() {
    }

    /** An inference record of about 430 bytes: what a credit-scoring model server would log. */
    public static String payload(int n) {
        return "{\"inputRef\":\"s3://scoring-requests/2026/11/25/" + n + ".json\",\"output\":{\"score\":0."
                + (1000 + n % 9000) + ",\"decision\":\"" + (n % 3 == 0 ? "refer" : "approve")
                + "\",\"reasons\":[\"income_ratio\",\"credit_history_length\",\"existing_credits\"]},\"confidence\":0.9"
                + (n % 97) + ",\"features\":{\"age_band\":\"35-44\",\"income_band\":\"40-60k\",\"loan_amount\":"
                + (5000 + n % 20000) + ",\"term_months\":48,\"existing_credits\":2,\"employment_years\":7,"
                + "\"region\":\"FR-IDF\"},\"latencyMs\":12.4,\"requestId\":\"req-" + n + "\"}";
    }

    /** Posts the batches to the system's {@code /logs} from {@code clients} threads; returns the seconds taken. */
    public static double post(Api api, String systemId, List<byte[]> batches, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                    Api.Response response = api.send("POST", "/api/systems/" + systemId + "/logs", "application/json",
                            batches.get(i));
                    if (response.status() != 201) {
                        throw new IllegalStateException(response.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return seconds;
    }

    /** Registers a fresh system for a benchmark and returns its id. */
    public static String register(Api api) {
        String id = TestSystems.uniqueId("bench");
        Api.Response created = api.post("/api/systems", TestSystems.registration(id));
        if (created.status() != 201) {
            throw new IllegalStateException(created.toString());
        }
        return id;
    }
}
