package io.aiactops.monitoring.builtin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The formulas of docs/monitors.md, on counts only: what a window sums from its buckets goes in, a
 * number comes out. Nothing here reads the database, so each formula is checked by hand-computed values.
 */
final class Formulas {

    private Formulas() {
    }

    /**
     * Population Stability Index of {@code actual} against {@code reference}, bin by bin:
     * {@code Σ (a − r) · ln(a / r)} over the shares a and r of each bin, each share raised to at least
     * {@code epsilon} so that an empty bin adds a large but finite term instead of an infinite one.
     */
    static double psi(long[] reference, long[] actual, double epsilon) {
        if (reference.length != actual.length) {
            throw new IllegalArgumentException("reference and actual need the same bins");
        }
        double referenceTotal = Arrays.stream(reference).sum();
        double actualTotal = Arrays.stream(actual).sum();
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            double r = Math.max(reference[i] / referenceTotal, epsilon);
            double a = Math.max(actual[i] / actualTotal, epsilon);
            psi += (a - r) * Math.log(a / r);
        }
        return psi;
    }

    /**
     * PSI over categories: the reference's categories in its order, then those seen only in the
     * window (each with a reference share of {@code epsilon}).
     */
    static double categoryShift(Map<String, Long> reference, Map<String, Long> actual, double epsilon) {
        Set<String> categories = new LinkedHashSet<>(reference.keySet());
        categories.addAll(new TreeMap<>(actual).keySet());
        long[] r = categories.stream().mapToLong(c -> reference.getOrDefault(c, 0L)).toArray();
        long[] a = categories.stream().mapToLong(c -> actual.getOrDefault(c, 0L)).toArray();
        return psi(r, a, epsilon);
    }

    /**
     * The inner edges of {@code bins} quantile bins of the sorted reference values: the value at rank
     * {@code floor(k · n / bins)} for k = 1 … bins − 1, repeated edges dropped (ties make fewer bins).
     */
    static double[] quantileEdges(double[] sorted, int bins) {
        List<Double> edges = new ArrayList<>();
        for (int k = 1; k < bins; k++) {
            double edge = sorted[(int) ((long) k * sorted.length / bins)];
            if (edge > sorted[0] && (edges.isEmpty() || edge > edges.get(edges.size() - 1))) {
                edges.add(edge);
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The bin of a value: how many edges are at or below it, 0 … edges.length. */
    static int bin(double[] edges, double value) {
        int index = Arrays.binarySearch(edges, value);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** Each bin's count of the values. */
    static long[] histogram(double[] edges, double[] values) {
        long[] counts = new long[edges.length + 1];
        for (double value : values) {
            counts[bin(edges, value)]++;
        }
        return counts;
    }

    /**
     * The four-fifths rule: the outcome rate of each group of at least {@code minGroupSize}, and the
     * lowest rate divided by the highest (1 when every rate is 0: no group is favoured). Null with fewer
     * than two such groups.
     */
    static Parity groupParity(Map<String, Long> members, Map<String, Long> outcomes, long minGroupSize) {
        Map<String, Double> rates = new TreeMap<>();
        members.forEach((group, n) -> {
            if (n >= minGroupSize) {
                rates.put(group, outcomes.getOrDefault(group, 0L) / (double) n);
            }
        });
        if (rates.size() < 2) {
            return null;
        }
        double min = rates.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = rates.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new Parity(max == 0 ? 1 : min / max, rates);
    }

    /** Each eligible group's outcome rate and their min/max ratio. */
    record Parity(double ratio, Map<String, Double> rates) {
    }

    /** A share: {@code part / whole}. */
    static double share(long part, long whole) {
        return part / (double) whole;
    }

    /** The mean of values given by their count and sum. */
    static double mean(double sum, long count) {
        return sum / count;
    }

    /** Events in the window against the mean of the same window on each of the previous days. */
    static double volumeRatio(long current, long[] previousDays) {
        double mean = Arrays.stream(previousDays).sum() / (double) previousDays.length;
        return current / mean;
    }
}
