package dev.researchvault.benchmarks;

import dev.researchvault.benchmarks.storage.StorageBenchmark;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of the in-process benchmarks (docs/benchmarks.md). {@code --smoke} runs one benchmark for a
 * fraction of a second on every side, in this JVM, to prove the suite still works (bound to {@code verify});
 * otherwise {@code --only storage,blobs,growth} (the default: all), {@code --rounds N} (JMH rounds, default 3),
 * {@code --seconds S} (per measured JMH iteration, default 1), {@code --samples N} (blob samples, default 15).
 * Prints Markdown table rows on standard output; progress and JMH logs go to standard error and files.
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
        int samples = intArgument(arguments, "--samples", 15);
        List<String> only = List.of(textArgument(arguments, "--only", "storage,blobs,growth").split(","));
        List<Row> rows = new ArrayList<>();
        if (only.contains("storage")) {
            rows.addAll(new StorageSuite(rounds, seconds).run());
        }
        if (only.contains("blobs")) {
            rows.addAll(new BlobThroughput(samples).run());
        }
        if (only.contains("growth")) {
            rows.addAll(new Growth(samples * 2).run());
        }
        rows.forEach(row -> System.out.println(row.format()));
    }

    private static int intArgument(List<String> arguments, String name, int fallback) {
        return Integer.parseInt(textArgument(arguments, name, Integer.toString(fallback)));
    }

    private static String textArgument(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
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
