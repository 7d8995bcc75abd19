package dev.researchvault.benchmarks;

import dev.researchvault.benchmarks.storage.StorageBenchmark;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of the in-process benchmarks (docs/benchmarks.md). {@code --smoke} runs one benchmark for a
 * fraction of a second on every side, in this JVM, to prove the suite still works (bound to {@code verify});
 * otherwise {@code --rounds N} (default 3) and {@code --seconds S} (per measured iteration, default 1).
 * Prints a Markdown table on standard output; progress goes to standard error.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.contains("--smoke")) {
            smoke();
            return;
        }
        int rounds = intArgument(arguments, "--rounds", 3);
        int seconds = intArgument(arguments, "--seconds", 1);
        List<Row> rows = new StorageSuite(rounds, seconds).run();
        System.out.println("| area | measure | median (min–max) | goal | verdict |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(row -> System.out.println(row.format()));
    }

    private static int intArgument(List<String> arguments, String name, int fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? Integer.parseInt(arguments.get(at + 1)) : fallback;
    }

    /** In-process (no fork): xerial sits in its own class loader, so all three sides can share the JVM. */
    private static void smoke() throws Exception {
        new Runner(new OptionsBuilder()
                .include(StorageBenchmark.class.getName() + "\\.findResearch")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build()).run();
    }
}
