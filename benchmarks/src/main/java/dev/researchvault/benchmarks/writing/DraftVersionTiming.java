package dev.researchvault.benchmarks.writing;

import dev.researchvault.benchmarks.Stats;
import dev.researchvault.benchmarks.usage.RegisteredVault;
import dev.researchvault.domain.writing.Draft;
import dev.researchvault.domain.writing.WritingRepository;
import dev.researchvault.domain.writing.WritingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issue 15: saving a new version of a 100 KiB draft that has 1,000 versions costs what saving the first versions
 * costs. Seeds one draft with {@code VERSIONS} versions of 100 KiB through the port in an encrypted vault, then, in
 * alternation after warm-ups, times one save exactly as {@code DraftService.save} does it (one write transaction:
 * read the latest version, check the base, insert the next version, move the draft on) on that draft and on a
 * fresh draft at version 1 (a save of its version 2), and the creation of a draft (its version 1).
 * Usage: {@code DraftVersionTiming VERSIONS SAMPLES}. Prints Markdown table rows; progress goes to standard error.
 */
public final class DraftVersionTiming {

    private static final int CONTENT_CHARS = 100 * 1024;
    private static final int WARMUPS = 20;

    private DraftVersionTiming() {
    }

    public static void main(String[] args) throws Exception {
        int versions = Integer.parseInt(args[0]);
        int samples = Integer.parseInt(args[1]);
        Path dataDir = Files.createTempDirectory("rv-bench-drafts-");
        try (RegisteredVault vault = new RegisteredVault(dataDir)) {
            WritingRepository writing = vault.bean(WritingRepository.class);
            WritingSession session = WritingSession.create(UUID.randomUUID(), "bench", null, now());
            vault.inTransaction(() -> {
                writing.addSession(session);
                return null;
            });
            UUID big = create(vault, writing, session).id();
            for (int v = 1; v < versions; v++) {
                save(vault, writing, big);
                if (v % 100 == 0) {
                    System.err.printf("drafts: %d versions seeded%n", v + 1);
                }
            }
            List<Double> atThousand = new ArrayList<>();
            List<Double> second = new ArrayList<>();
            List<Double> first = new ArrayList<>();
            for (int i = 0; i < WARMUPS + samples; i++) {
                long t0 = System.nanoTime();
                UUID fresh = create(vault, writing, session).id();
                long t1 = System.nanoTime();
                save(vault, writing, fresh);
                long t2 = System.nanoTime();
                save(vault, writing, big);
                long t3 = System.nanoTime();
                if (i >= WARMUPS) {
                    first.add((t1 - t0) / 1e6);
                    second.add((t2 - t1) / 1e6);
                    atThousand.add((t3 - t2) / 1e6);
                }
            }
            Stats v1 = Stats.of(first);
            Stats v2 = Stats.of(second);
            Stats vN = Stats.of(atThousand);
            String ratio = String.format(Locale.ROOT, "%.2f", vN.median() / v2.median());
            System.out.println("| drafts | create a 100 KiB draft (version 1) | " + v1.show("%.2f ms") + " | — | — |");
            System.out.println("| drafts | save version 2 of a 100 KiB draft | " + v2.show("%.2f ms") + " | — | — |");
            System.out.println("| drafts | save version " + (versions + WARMUPS + 1) + "+ of a 100 KiB draft | "
                    + vN.show("%.2f ms") + " | ≈ version 2 | ratio " + ratio + " |");
        } finally {
            deleteTree(dataDir);
        }
    }

    private static Draft create(RegisteredVault vault, WritingRepository writing, WritingSession session) {
        Draft draft = Draft.create(UUID.randomUUID(), session.id(), "bench", content(), now());
        return vault.inTransaction(() -> {
            writing.addDraft(draft);
            return draft;
        });
    }

    /** What {@code DraftService.save} does, through the same ports, in one transaction. */
    private static void save(RegisteredVault vault, WritingRepository writing, UUID draftId) {
        String content = content();
        vault.inTransaction(() -> {
            Draft latest = writing.findDraft(draftId).orElseThrow();
            writing.addVersion(latest.revise(content, null, latest.version(), now()));
            return null;
        });
    }

    /** 100 KiB of text that does not compress to nothing (SQLCipher pages are encrypted, not compressed anyway). */
    private static String content() {
        char[] text = new char[CONTENT_CHARS];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < text.length; i++) {
            text[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(text);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
