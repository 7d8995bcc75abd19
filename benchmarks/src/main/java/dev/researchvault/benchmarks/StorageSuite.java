package dev.researchvault.benchmarks;

import dev.researchvault.benchmarks.storage.StorageBenchmark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link StorageBenchmark} round by round, one JMH fork per side, alternating the order of the sides
 * each round (adapter, sqlcipher, plain, then plain, sqlcipher, adapter…), so slow phases of a shared machine
 * hit every side. Ratios are taken within a round and summarised over rounds.
 */
final class StorageSuite {

    private static final List<String> SIDES = List.of("adapter", "sqlcipher", "plain");
    private static final List<String> WRITES = List.of("insertResearch", "appendLog", "saveBlob64KiB");

    private final int rounds;
    private final int measureSeconds;
    /** benchmark → side → one score (µs/op) per round. */
    private final Map<String, Map<String, List<Double>>> scores = new HashMap<>();

    StorageSuite(int rounds, int measureSeconds) {
        this.rounds = rounds;
        this.measureSeconds = measureSeconds;
    }

    List<Row> run() throws RunnerException {
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(SIDES);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String side : order) {
                System.err.printf("storage: round %d/%d, side %s%n", round + 1, rounds, side);
                record(side, new Runner(options(side).build()).run());
            }
        }
        return rows();
    }

    private ChainedOptionsBuilder options(String side) {
        return new OptionsBuilder()
                .include(StorageBenchmark.class.getName() + "\\.")
                .param("side", side)
                .forks(1)
                .jvmArgs("-Xmx512m")
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(4).measurementTime(TimeValue.seconds(measureSeconds))
                .shouldFailOnError(true)
                // JMH's own report goes to a file, so that standard output carries only the table.
                .output(System.getProperty("java.io.tmpdir") + "/rv-bench-jmh-" + side + ".log");
    }

    private void record(String side, Iterable<RunResult> results) {
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            String benchmark = label.substring(label.lastIndexOf('.') + 1);
            scores.computeIfAbsent(benchmark, b -> new HashMap<>()).computeIfAbsent(side, s -> new ArrayList<>())
                    .add(result.getPrimaryResult().getScore());
        }
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        scores.keySet().stream().sorted().forEach(benchmark -> {
            Map<String, List<Double>> bySide = scores.get(benchmark);
            boolean write = WRITES.contains(benchmark);
            rows.add(new Row("storage", benchmark + " µs/op adapter | sqlcipher | plain",
                    Stats.of(bySide.get("adapter")).show("%.1f") + " | " + Stats.of(bySide.get("sqlcipher")).show("%.1f")
                            + " | " + Stats.of(bySide.get("plain")).show("%.1f"), "", ""));
            rows.add(ratioRow(benchmark + " adapter/sqlcipher", ratios(bySide, "adapter", "sqlcipher"), 1.2));
            rows.add(ratioRow(benchmark + " sqlcipher/plain", ratios(bySide, "sqlcipher", "plain"), write ? 1.6 : 1.3));
        });
        return rows;
    }

    private List<Double> ratios(Map<String, List<Double>> bySide, String top, String bottom) {
        List<Double> ratios = new ArrayList<>();
        List<Double> a = bySide.get(top);
        List<Double> b = bySide.get(bottom);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(a.get(i) / b.get(i));
        }
        return ratios;
    }

    private static Row ratioRow(String what, List<Double> ratios, double goal) {
        Stats stats = Stats.of(ratios);
        return new Row("storage", what, stats.show("%.2f×"), String.format("≤ %.1f×", goal),
                stats.median() <= goal ? "met" : "MISSED");
    }
}
