package io.aiactops.support;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * A benchmark's warm-up that lasts until the JIT has settled, not a fixed count: the app's code is large,
 * and after a short fixed warm-up the compiler threads still took most of a core through the first
 * measured rounds (async-profiler), so a benchmark measured a JVM still compiling, and charged that to
 * whichever side ran the newest code.
 */
public final class JitWarmUp {

    /** Warm-up ends when the compiler threads took at most this share of a pass's wall time... */
    private static final double SETTLED_COMPILING_SHARE = 0.02;
    /** ...or after the pass that ends past this (reported, so a run that never settled shows it). */
    private static final Duration MAX = Duration.ofMinutes(4);

    private JitWarmUp() {
    }

    /** One pass of the benchmark's work; {@code pass} counts from 0, e.g. to keep the passes' ids apart. */
    public interface Pass {
        void run(int pass) throws Exception;
    }

    /** Runs passes until the JIT has settled; returns a line saying how long that took, for the results. */
    public static String until(Pass pass) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int passes = 0;
        double compilingShare;
        do {
            long compiledMillis = jit.getTotalCompilationTime();
            long passStart = System.nanoTime();
            pass.run(passes++);
            compilingShare = (jit.getTotalCompilationTime() - compiledMillis) * 1e6 / (System.nanoTime() - passStart);
        } while (compilingShare > SETTLED_COMPILING_SHARE && System.nanoTime() - start < MAX.toNanos());
        return String.format(Locale.ROOT, "warm-up until the JIT settled: %d passes in %.0f s, the last one %.1f %% compiling%s",
                passes, (System.nanoTime() - start) / 1e9, 100 * compilingShare,
                compilingShare > SETTLED_COMPILING_SHARE ? " (NOT SETTLED)" : "");
    }
}
