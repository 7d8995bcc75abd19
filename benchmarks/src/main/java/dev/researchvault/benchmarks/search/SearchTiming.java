package dev.researchvault.benchmarks.search;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Full-text search as the index grows (docs/benchmarks.md): one user's vault grown through the ports to 1,000,
 * 100,000 and 1,000,000 indexed messages of ~40 words drawn from a 20,000-word vocabulary with Zipf-like
 * frequencies, timing {@code SearchIndex.search} (first page of 20 + total) at each size for a rare word, a
 * common one, a prefix and a phrase. Then the write cost of the index: messages written in transactions of 100 to
 * this vault and to a second one whose search triggers were dropped, alternating, µs per message.
 *
 * <p>Usage: SearchTiming DATA_DIR MAX_ROWS SAMPLES
 */
public final class SearchTiming {

    private static final int WORDS = 20_000;
    private static final int BATCH = 5_000;
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
        try (RegisteredVault vault = new RegisteredVault(data)) {
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
                System.err.printf("search: grown to %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
                for (Map.Entry<String, String> query : queries.entrySet()) {
                    time(vault, index, size, query.getKey(), query.getValue(), samples);
                }
            }
            writeCost(vault, data, samples);
        }
    }

    private void time(RegisteredVault vault, SearchIndex index, int size, String name, String q, int samples) {
        SearchQuery query = SearchQuery.parse(q);
        List<Double> times = new ArrayList<>();
        long total = 0;
        for (int i = -5; i < samples; i++) {
            long start = System.nanoTime();
            total = vault.inVault(() -> index.search(query, EnumSet.allOf(SearchKind.class), new PageRequest(0, 20)))
                    .total();
            if (i >= 0) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        System.out.printf("| search | %,d indexed rows, %s (%,d hits): first page of 20 + total, p50 / p90 (min–max) ms,"
                        + " %d samples | %.2f / %.2f (%.2f–%.2f) | p50 ≤ 20 ms at 100,000 | %s |%n",
                size, name, total, samples, Stats.percentile(times, 50), Stats.percentile(times, 90),
                Stats.of(times).min(), Stats.of(times).max(), size == 100_000
                        ? (Stats.percentile(times, 50) <= 20 ? "met" : "MISSED") : "");
    }

    /**
     * µs per message written with the index and without it (a second user's vault in the same context, its search
     * triggers dropped), 100 messages per transaction, alternating batches.
     */
    private void writeCost(RegisteredVault vault, Path data, int samples) throws Exception {
        Path plainData = Files.createDirectories(data.resolveSibling(data.getFileName() + "-unindexed"));
        try (RegisteredVault unindexed = new RegisteredVault(plainData)) {
            unindexed.inTransaction(() -> {
                try (Connection connection = unindexed.bean(DataSource.class).getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP TRIGGER trg_search_message_added");
                    statement.execute("DROP TRIGGER trg_search_chat_added");
                } catch (Exception failure) {
                    throw new IllegalStateException(failure);
                }
                return null;
            });
            UUID indexedChat = newChat(vault);
            UUID plainChat = newChat(unindexed);
            List<Double> withIndex = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            for (int i = -3; i < samples; i++) {
                double a = batchMicros(vault, indexedChat);
                double b = batchMicros(unindexed, plainChat);
                if (i >= 0) {
                    withIndex.add(a);
                    without.add(b);
                }
            }
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < withIndex.size(); i++) {
                ratios.add(withIndex.get(i) / without.get(i));
            }
            double ratio = Stats.percentile(ratios, 50);
            System.out.printf("| search | message write, µs per message in transactions of 100: with index \\| without;"
                            + " ratio, %d alternating batches | %.1f \\| %.1f; %.2f× (%.2f×–%.2f×) | ≤ 1.3× | %s |%n",
                    samples, Stats.percentile(withIndex, 50), Stats.percentile(without, 50), ratio,
                    Stats.of(ratios).min(), Stats.of(ratios).max(), ratio <= 1.3 ? "met" : "MISSED");
        }
    }

    private UUID newChat(RegisteredVault target) {
        ChatRepository chats = target.bean(ChatRepository.class);
        return target.inTransaction(() -> {
            Chat created = Chat.create(UUID.randomUUID(), "write chat", now);
            chats.add(created);
            return created.id();
        });
    }

    private double batchMicros(RegisteredVault target, UUID chat) {
        ChatRepository chats = target.bean(ChatRepository.class);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            messages.add(new Message(UUID.randomUUID(), chat, MessageRole.ASSISTANT, text(40), List.of(), now));
        }
        long start = System.nanoTime();
        target.inTransaction(() -> {
            messages.forEach(chats::addMessage);
            return null;
        });
        return (System.nanoTime() - start) / 1e3 / 100;
    }
}
