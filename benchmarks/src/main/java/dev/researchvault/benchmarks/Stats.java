package dev.researchvault.benchmarks;

import java.util.List;

/** Median and spread of repeated measurements. */
public record Stats(double median, double min, double max, int count) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** The value at {@code percent} % of the sorted values (nearest rank); NaN when there are none. */
    public static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** {@code median (min–max)} with the given number format, e.g. {@code "%.2f"}. */
    public String show(String format) {
        if (count == 1) {
            return String.format(format, median);
        }
        return String.format(format + " (" + format + "–" + format + ")", median, min, max);
    }
}
