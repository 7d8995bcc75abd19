package dev.researchvault.benchmarks;

import dev.researchvault.benchmarks.storage.EncryptedVault;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.chat.Chat;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchFilter;
import dev.researchvault.domain.research.ResearchRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Time per list request (a page of 20 with its total) of research and chats through the ports, at 10, 1,000
 * and 100,000 rows in one encrypted vault: the first page, a page in the middle of the list by number
 * ({@code OFFSET}), and the page at the middle of the list by cursor (keyset: its cursor is read once, then
 * every timed request starts after it, as a client scrolling deep would).
 */
final class Growth {

    private static final int[] ROW_COUNTS = {10, 1_000, 100_000};
    private static final int BATCH = 5_000;

    private final int samples;
    private int rows;

    Growth(int samples) {
        this.samples = samples;
    }

    List<Row> run() throws Exception {
        List<Row> table = new ArrayList<>();
        try (EncryptedVault vault = new EncryptedVault()) {
            ResearchRepository research = vault.bean(ResearchRepository.class);
            ChatRepository chats = vault.bean(ChatRepository.class);
            for (int target : ROW_COUNTS) {
                fill(vault, research, chats, target);
                PageRequest first = PageRequest.first();
                PageRequest middle = new PageRequest(target / 2 / PageRequest.DEFAULT_SIZE, PageRequest.DEFAULT_SIZE);
                PageRequest researchCursor = middleByCursor(vault, target, page -> research.list(ResearchFilter.all(), page));
                PageRequest chatCursor = middleByCursor(vault, target, chats::list);
                table.add(row("research", target, measure(vault, () -> research.list(ResearchFilter.all(), first)),
                        measure(vault, () -> research.list(ResearchFilter.all(), middle)),
                        measure(vault, () -> research.list(ResearchFilter.all(), researchCursor))));
                table.add(row("chat", target, measure(vault, () -> chats.list(first)),
                        measure(vault, () -> chats.list(middle)), measure(vault, () -> chats.list(chatCursor))));
            }
        }
        return table;
    }

    private void fill(EncryptedVault vault, ResearchRepository research, ChatRepository chats, int target) {
        while (rows < target) {
            int batch = Math.min(BATCH, target - rows);
            vault.inTransaction(() -> {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                for (int i = 0; i < batch; i++) {
                    research.add(Research.create(UUID.randomUUID(), "growth question " + (rows + i), "quick", now));
                    chats.add(Chat.create(UUID.randomUUID(), "growth chat " + (rows + i), now));
                }
                return null;
            });
            rows += batch;
        }
    }

    /**
     * The page of the default size that starts at the middle of a list of {@code target} rows, by cursor: the
     * {@code next} of the slice that ends there (read once, untimed).
     */
    private static PageRequest middleByCursor(EncryptedVault vault, int target, Function<PageRequest, Page<?>> list) {
        int before = target / 2;
        int size = Math.min(before, PageRequest.DEFAULT_SIZE);
        Page<?> slice = vault.inVault(() -> list.apply(new PageRequest(before / size - 1, size)));
        return PageRequest.after(slice.next(), PageRequest.DEFAULT_SIZE);
    }

    /** Milliseconds per list request, after a few unrecorded warm-up calls. */
    private List<Double> measure(EncryptedVault vault, Runnable list) {
        List<Double> millis = new ArrayList<>();
        for (int i = -5; i < samples; i++) {
            long start = System.nanoTime();
            vault.inVault(() -> {
                list.run();
                return null;
            });
            if (i >= 0) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis;
    }

    private static Row row(String list, int count, List<Double> first, List<Double> middle, List<Double> cursor) {
        return new Row("growth",
                String.format("%s list at %,d rows: first page | middle page | middle by cursor, ms", list, count),
                Stats.of(first).show("%.2f") + " | " + Stats.of(middle).show("%.2f") + " | "
                        + Stats.of(cursor).show("%.2f"), "flat", "see curve");
    }
}
