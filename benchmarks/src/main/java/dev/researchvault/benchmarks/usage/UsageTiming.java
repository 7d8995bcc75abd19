package dev.researchvault.benchmarks.usage;

import dev.researchvault.benchmarks.Stats;
import dev.researchvault.domain.chat.Chat;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.usage.UsageGrouping;
import dev.researchvault.domain.usage.UsageLedger;
import dev.researchvault.domain.usage.UsageTotal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usage report over one user's large history (issue 14: ≤ 20 ms p50 over 100,000 messages and 10,000
 * executions), run by {@code benchmarks/http-usage.sh} in two steps on one data directory:
 * <ol>
 *   <li>{@code seed DATA_DIR MESSAGES EXECUTIONS SAMPLES}: registers the user and seeds the history through the
 *   ports ({@link UsageSeed}), then measures what usage adds to a write: batches of messages with usage against
 *   the same messages without, alternating. Nothing else runs on the files.</li>
 *   <li>{@code measure DATA_DIR BASE_URL SAMPLES CALLS}, with the packaged server started on the directory: for a
 *   30-day and a 365-day range, grouped by model and by day, {@code GET /api/v1/usage} over HTTP and
 *   {@link UsageLedger#totals} through the port in this process, alternating sample by sample after warm-ups.
 *   The 365-day answer must count {@code CALLS} calls on both sides.</li>
 * </ol>
 * Prints Markdown table rows; progress goes to standard error.
 */
public final class UsageTiming {

    private static final int WARMUPS = 20;
    private static final int WRITE_BATCH = 100;
    private static final double GOAL_MS = 20;
    private static final Pattern TOTAL_CALLS = Pattern.compile("\"calls\"\\s*:\\s*(\\d+)\\s*}\\s*}\\s*$");

    private UsageTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        if (args[0].equals("seed")) {
            seed(dataDir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else {
            measure(dataDir, URI.create(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
        }
    }

    private static void seed(Path dataDir, int messages, int executions, int samples) {
        try (RegisteredVault vault = new RegisteredVault(dataDir)) {
            UsageSeed seed = new UsageSeed(vault);
            long start = System.nanoTime();
            seed.seed(messages, executions);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf("usage: seeded %,d messages and %,d executions in %.1f s%n", messages, executions, seconds);
            writeCost(vault, seed, samples);
        }
    }

    /**
     * Microseconds per message added in transactions of {@link #WRITE_BATCH}, with usage (one more entry in the
     * partial usage index, five more columns filled) and without, alternating; in a chat of its own, deleted
     * afterwards so the report's sums stay those of the seed.
     */
    private static void writeCost(RegisteredVault vault, UsageSeed seed, int samples) {
        ChatRepository chats = vault.bean(ChatRepository.class);
        Chat scratch = Chat.create(UUID.randomUUID(), "write cost", Instant.now());
        vault.inTransaction(() -> {
            chats.add(scratch);
            return null;
        });
        List<Double> withUsage = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        for (int i = -2; i < samples; i++) {
            double with = addBatch(vault, chats, () -> seed.message(scratch.id()));
            double plain = addBatch(vault, chats, () -> plain(seed.message(scratch.id())));
            if (i >= 0) {
                withUsage.add(with);
                without.add(plain);
            }
        }
        vault.inTransaction(() -> chats.delete(scratch.id()));
        List<Double> added = new ArrayList<>();
        for (int i = 0; i < withUsage.size(); i++) {
            added.add(withUsage.get(i) - without.get(i));
        }
        System.out.printf("| usage | add a message with usage \\| without (model, usage NULL), µs per message in"
                        + " transactions of %d, %d alternating batches; difference | %s \\| %s; %s | reported | — |%n",
                WRITE_BATCH, withUsage.size(), Stats.of(withUsage).show("%.0f"), Stats.of(without).show("%.0f"),
                Stats.of(added).show("%+.0f"));
    }

    private static Message plain(Message message) {
        return new Message(message.id(), message.chatId(), message.role(), message.content(), List.of(),
                message.createdAt());
    }

    private static double addBatch(RegisteredVault vault, ChatRepository chats, java.util.function.Supplier<Message> next) {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < WRITE_BATCH; i++) {
            batch.add(next.get());
        }
        long start = System.nanoTime();
        vault.inTransaction(() -> {
            batch.forEach(chats::addMessage);
            return null;
        });
        return (System.nanoTime() - start) / 1e3 / WRITE_BATCH;
    }

    private static void measure(Path dataDir, URI base, int samples, long expectedCalls) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = RegisteredVault.login(client, base);
        try (RegisteredVault vault = new RegisteredVault(dataDir)) {
            UsageLedger ledger = vault.bean(UsageLedger.class);
            Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int days : new int[] {30, 365}) {
                Instant from = to.minus(Duration.ofDays(days));
                for (UsageGrouping grouping : UsageGrouping.values()) {
                    String group = grouping.name().toLowerCase(Locale.ROOT);
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/usage?from=" + from + "&to=" + to
                            + "&groupBy=" + group)).header("Authorization", "Bearer " + token).GET().build();
                    long portCalls = vault.inVault(() -> ledger.totals(from, to, grouping)).stream()
                            .mapToLong(UsageTotal::calls).sum();
                    long httpCalls = totalCalls(client.send(request, HttpResponse.BodyHandlers.ofString()));
                    if (portCalls != httpCalls || (days == 365 && portCalls != expectedCalls)) {
                        throw new IllegalStateException("usage counted " + portCalls + " calls through the port and "
                                + httpCalls + " over HTTP, " + expectedCalls + " expected over 365 days");
                    }
                    List<Double> port = new ArrayList<>();
                    List<Double> http = new ArrayList<>();
                    for (int i = -WARMUPS; i < samples; i++) {
                        long start = System.nanoTime();
                        vault.inVault(() -> ledger.totals(from, to, grouping));
                        double portMillis = (System.nanoTime() - start) / 1e6;
                        start = System.nanoTime();
                        totalCalls(client.send(request, HttpResponse.BodyHandlers.ofString()));
                        double httpMillis = (System.nanoTime() - start) / 1e6;
                        if (i >= 0) {
                            port.add(portMillis);
                            http.add(httpMillis);
                        }
                    }
                    print(days, group, portCalls, expectedCalls, port, http);
                }
            }
        }
    }

    private static void print(int days, String group, long calls, long allCalls, List<Double> port, List<Double> http) {
        double p50 = Stats.percentile(http, 50);
        System.out.printf("| usage | GET /api/v1/usage groupBy=%s, %d days (%,d of %,d calls): port \\| HTTP,"
                        + " p50 / p90 (min–max) ms, %d alternating samples each | %.2f / %.2f (%.2f–%.2f) \\|"
                        + " %.2f / %.2f (%.2f–%.2f) | HTTP p50 ≤ %.0f ms | %s |%n",
                group, days, calls, allCalls, http.size(), Stats.percentile(port, 50), Stats.percentile(port, 90),
                Stats.of(port).min(), Stats.of(port).max(), p50, Stats.percentile(http, 90), Stats.of(http).min(),
                Stats.of(http).max(), GOAL_MS, p50 <= GOAL_MS ? "met" : "MISSED");
    }

    /** The total's call count of a usage answer (the last member of the document); fails on any other status. */
    private static long totalCalls(HttpResponse<String> answer) {
        Matcher calls = TOTAL_CALLS.matcher(answer.body());
        if (answer.statusCode() != 200 || !calls.find()) {
            throw new IllegalStateException("GET /api/v1/usage answered " + answer.statusCode());
        }
        return Long.parseLong(calls.group(1));
    }
}
