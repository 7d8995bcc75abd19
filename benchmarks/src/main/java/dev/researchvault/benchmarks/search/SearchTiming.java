package dev.researchvault.benchmarks.search;

import dev.researchvault.adapter.persistence.search.SearchBacklog;
import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.benchmarks.Stats;
import dev.researchvault.benchmarks.usage.RegisteredVault;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.chat.Chat;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageRole;
import dev.researchvault.domain.search.SearchIndex;
import dev.researchvault.domain.search.SearchKind;
import dev.researchvault.domain.search.SearchQuery;
import dev.researchvault.domain.search.SearchResults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Full-text search as the index grows (docs/benchmarks.md): one user's vault grown through the ports to 1,000,
 * 100,000 and 1,000,000 indexed messages of ~40 words drawn from a 20,000-word vocabulary with Zipf-like
 * frequencies, timing {@code SearchIndex.search} (first page of 20 + total) at each size for a rare word, a
 * common one (also with a kind filter), a prefix and a phrase. Then the write cost of the index ({@link #writeCost}).
 *
 * <p>Usage: SearchTiming DATA_DIR MAX_ROWS SAMPLES
 */
public final class SearchTiming {

    private static final int WORDS = 20_000;
    private static final int BATCH = 5_000;
    /** Messages in each vault of the write comparison before it is measured. */
    private static final int WRITE_SEED = 20_000;
    /**
     * No background upkeep (it runs with the idle-connection closer): the index's queue (V12__search_backlog.sql) is
     * applied here, by hand and timed, where the server would apply it in the background or before a search.
     */
    private static final Map<String, Object> QUEUE_BY_HAND = Map.of("vault.close-idle-connections-after", "0s");
    private final Random random = new Random(16);
    private final String[] vocabulary = IntStream.range(0, WORDS).mapToObj(SearchTiming::word).toArray(String[]::new);
    private final double[] cumulative = zipf(WORDS);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int maxRows = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        new SearchTiming().run(data, maxRows, samples);
        System.exit(0);
    }

    /** A pronounceable word per index, distinct for distinct indexes. */
    private static String word(int index) {
        String consonants = "bcdfghklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        int rest = index + WORDS;
        while (rest > 0) {
            word.append(consonants.charAt(rest % 16)).append(vowels.charAt((rest / 16) % 5));
            rest /= 80;
        }
        return word.toString();
    }

    private static double[] zipf(int n) {
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            weights[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    private String text(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            text.append(vocabulary[at < 0 ? -at - 1 : at]).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString();
    }

    private void run(Path data, int maxRows, int samples) throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("rare word", vocabulary[15_000]);
        queries.put("common word", vocabulary[3]);
        queries.put("prefix", vocabulary[40].substring(0, 3) + "*");
        queries.put("phrase", '"' + vocabulary[0] + " " + vocabulary[1] + '"');
        queries.put("common word, messages only", vocabulary[3]);
        try (RegisteredVault vault = new RegisteredVault(data, QUEUE_BY_HAND)) {
            ChatRepository chats = vault.bean(ChatRepository.class);
            SearchIndex index = vault.bean(SearchIndex.class);
            UUID chat = vault.inTransaction(() -> {
                Chat created = Chat.create(UUID.randomUUID(), "search chat", now);
                chats.add(created);
                return created.id();
            });
            int rows = 0;
            for (int size : new int[] {1_000, 100_000, 1_000_000}) {
                if (size > maxRows) {
                    break;
                }
                long start = System.nanoTime();
                while (rows < size) {
                    int batch = Math.min(BATCH, size - rows);
                    List<Message> messages = new ArrayList<>();
                    for (int i = 0; i < batch; i++) {
                        messages.add(new Message(UUID.randomUUID(), chat, MessageRole.ASSISTANT, text(40), List.of(),
                                now.plusMillis(rows + i)));
                    }
                    vault.inTransaction(() -> {
                        messages.forEach(chats::addMessage);
                        return null;
                    });
                    rows += batch;
                }
                long grown = System.nanoTime();
                int applied = applyQueue(vault);
                System.err.printf("search: grown to %,d rows in %.1f s, then their queue (%,d items) applied in %.1f s%n",
                        rows, (grown - start) / 1e9, applied, (System.nanoTime() - grown) / 1e9);
                for (Map.Entry<String, String> query : queries.entrySet()) {
                    time(vault, index, size, query.getKey(), query.getValue(), samples);
                }
            }
        }
        writeCost(data, samples);
    }

    private void time(RegisteredVault vault, SearchIndex index, int size, String name, String q, int samples) {
        SearchQuery query = SearchQuery.parse(q);
        Set<SearchKind> kinds = name.endsWith("messages only") ? EnumSet.of(SearchKind.MESSAGE)
                : EnumSet.allOf(SearchKind.class);
        List<Double> times = new ArrayList<>();
        long total = 0;
        boolean exact = true;
        for (int i = -5; i < samples; i++) {
            long start = System.nanoTime();
            SearchResults results = vault.inVault(() -> index.search(query, kinds, new PageRequest(0, 20)));
            total = results.hits().total();
            exact = results.totalExact();
            if (i >= 0) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        System.out.printf("| search | %,d indexed rows, %s (%s%,d hits): first page of 20 + total, p50 / p90 (min–max) ms,"
                        + " %d samples | %.2f / %.2f (%.2f–%.2f) | p50 ≤ 20 ms at 100,000 | %s |%n",
                size, name, exact ? "" : "more than ", exact ? total : total - 1, samples, Stats.percentile(times, 50), Stats.percentile(times, 90),
                Stats.of(times).min(), Stats.of(times).max(), size == 100_000
                        ? (Stats.percentile(times, 50) <= 20 ? "met" : "MISSED") : "");
    }

    /**
     * µs per message written with the index and without it: fresh vaults of the same size, alternating, first in
     * transactions of 100 (the index's own cost, nothing to hide it), then one message per transaction as
     * {@code POST /api/v1/chats/{id}/messages} writes it (its commit included). The indexed vault queues its messages
     * (V12__search_backlog.sql); its queue is applied by hand whenever it holds a batch, as the background upkeep
     * would, and that time is reported beside the writes' (per message written). A third vault indexes inside each
     * write as before V12 (V10's triggers), and the plain one has every search trigger dropped.
     */
    private void writeCost(Path data, int samples) throws Exception {
        try (RegisteredVault indexed = new RegisteredVault(Files.createDirectories(data.resolveSibling("w-indexed")), QUEUE_BY_HAND);
             RegisteredVault inline = new RegisteredVault(Files.createDirectories(data.resolveSibling("w-inline")), QUEUE_BY_HAND);
             RegisteredVault unindexed = new RegisteredVault(Files.createDirectories(data.resolveSibling("w-plain")), QUEUE_BY_HAND)) {
            execute(unindexed, SearchTiming::dropSearchTriggers);
            execute(inline, statement -> {
                dropSearchTriggers(statement);
                for (String trigger : triggersOfV10()) {
                    statement.execute(trigger);
                }
            });
            UUID indexedChat = newChat(indexed);
            UUID inlineChat = newChat(inline);
            UUID plainChat = newChat(unindexed);
            for (int i = 0; i < WRITE_SEED / 100; i++) {
                batchMicros(indexed, indexedChat, 100);
                batchMicros(inline, inlineChat, 100);
                batchMicros(unindexed, plainChat, 100);
            }
            applyQueue(indexed);
            for (int count : new int[] {100, 1}) {
                QueueTime queue = new QueueTime();
                Map<String, DoubleSupplier> withIndex = new LinkedHashMap<>();
                withIndex.put("with index (queued)", () -> {
                    double micros = batchMicros(indexed, indexedChat, count);
                    queue.written(indexed, count);
                    return micros;
                });
                withIndex.put("with index in the write (V10's triggers, before V12)", () -> batchMicros(inline, inlineChat, count));
                String how = count == 1 ? "one per transaction, as the API writes it" : "transactions of 100";
                Medians medians = compare(how, count == 1 ? samples * 10 : samples, withIndex, () -> batchMicros(unindexed, plainChat, count));
                queue.flush(indexed);
                System.out.printf("| search | the queue of those writes applied in batches of up to %d, µs per message"
                                + " (%,d messages, %d applications); write p50 + this against without | %.1f; %.2f× | — | — |%n",
                        SearchBacklog.BATCH, queue.messages, queue.applications,
                        queue.microsPerMessage(), (medians.firstWith() + queue.microsPerMessage()) / medians.without());
            }
        }
    }

    /** The time spent applying the indexed vault's queue, applied whenever it holds a batch. */
    private final class QueueTime {
        long messages;
        long pending;
        int applications;
        double micros;

        void written(RegisteredVault vault, int count) {
            messages += count;
            pending += count;
            if (pending >= SearchBacklog.BATCH) {
                flush(vault);
            }
        }

        void flush(RegisteredVault vault) {
            long start = System.nanoTime();
            if (applyQueue(vault) > 0) {
                applications++;
            }
            micros += (System.nanoTime() - start) / 1e3;
            pending = 0;
        }

        double microsPerMessage() {
            return micros / messages;
        }
    }

    /** Applies the vault's whole search queue as a search does; answers how many items it applied. */
    private static int applyQueue(RegisteredVault vault) {
        return vault.inVault(() -> {
            try (Connection connection = CurrentVault.writeConnection(
                    VaultFile.VAULT)) {
                return SearchBacklog.applyAll(connection);
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    private static void dropSearchTriggers(Statement statement) throws Exception {
        List<String> triggers = new ArrayList<>();
        try (var rows = statement.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_search_%'")) {
            while (rows.next()) {
                triggers.add(rows.getString(1));
            }
        }
        for (String trigger : triggers) {
            statement.execute("DROP TRIGGER " + trigger);
        }
    }

    /** The CREATE TRIGGER statements of V10__search_write_cost.sql: the index written inside each write. */
    private static List<String> triggersOfV10() throws Exception {
        String script;
        try (var in = SearchTiming.class.getResourceAsStream("/db/vault/V10__search_write_cost.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> triggers = new ArrayList<>();
        Matcher trigger = Pattern.compile("(?s)CREATE TRIGGER .*?\\nEND;").matcher(script);
        while (trigger.find()) {
            triggers.add(trigger.group());
        }
        return triggers;
    }

    /** A statement on the vault's own connection, in a transaction of its own. */
    private static void execute(RegisteredVault target, SqlWork work) {
        target.inTransaction(() -> {
            try (Connection connection = target.bean(DataSource.class).getConnection();
                 Statement statement = connection.createStatement()) {
                work.run(statement);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Statement statement) throws Exception;
    }

    /** Alternates every indexed variant with the plain vault, sample by sample; a row per variant. */
    /** The p50 of the first indexed variant of a {@link #compare} and of the plain vault. */
    private record Medians(double firstWith, double without) {
    }

    private Medians compare(String how, int samples, Map<String, DoubleSupplier> withIndex, DoubleSupplier without) {
        Map<String, List<Double>> with = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        List<Double> plain = new ArrayList<>();
        withIndex.keySet().forEach(name -> {
            with.put(name, new ArrayList<>());
            ratios.put(name, new ArrayList<>());
        });
        for (int i = -3; i < samples; i++) {
            Map<String, Double> round = new LinkedHashMap<>();
            withIndex.forEach((name, write) -> round.put(name, write.getAsDouble()));
            double b = without.getAsDouble();
            if (i >= 0) {
                plain.add(b);
                round.forEach((name, a) -> {
                    with.get(name).add(a);
                    ratios.get(name).add(a / b);
                });
            }
        }
        withIndex.keySet().forEach(name -> {
            double ratio = Stats.percentile(ratios.get(name), 50);
            System.out.printf("| search | message write into a vault of %,d messages, µs per message, %s: %s \\|"
                            + " without; ratio, %d alternating samples | %.1f \\| %.1f; %.2f× (%.2f×–%.2f×) | ≤ 1.3× | %s |%n",
                    WRITE_SEED, how, name, samples, Stats.percentile(with.get(name), 50), Stats.percentile(plain, 50), ratio,
                    Stats.of(ratios.get(name)).min(), Stats.of(ratios.get(name)).max(), ratio <= 1.3 ? "met" : "MISSED");
        });
        return new Medians(Stats.percentile(with.values().iterator().next(), 50), Stats.percentile(plain, 50));
    }

    private UUID newChat(RegisteredVault target) {
        ChatRepository chats = target.bean(ChatRepository.class);
        return target.inTransaction(() -> {
            Chat created = Chat.create(UUID.randomUUID(), "write chat", now);
            chats.add(created);
            return created.id();
        });
    }

    private double batchMicros(RegisteredVault target, UUID chat, int count) {
        ChatRepository chats = target.bean(ChatRepository.class);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new Message(UUID.randomUUID(), chat, MessageRole.ASSISTANT, text(40), List.of(), now));
        }
        long start = System.nanoTime();
        target.inTransaction(() -> {
            messages.forEach(chats::addMessage);
            return null;
        });
        return (System.nanoTime() - start) / 1e3 / count;
    }
}
