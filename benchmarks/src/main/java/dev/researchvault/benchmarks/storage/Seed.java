package dev.researchvault.benchmarks.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/** The rows every side starts from, identical on each side so that their timings compare. */
final class Seed {

    static final int RESEARCH_ROWS = 1_000;
    static final int BLOB_BYTES = 64 * 1024;
    static final int SETTINGS = 8;
    /** Blob saves cycle over this many keys, so the file stays small while every save replaces a row. */
    static final int SAVE_KEYS = 16;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    final List<UUID> researchIds = IntStream.range(0, RESEARCH_ROWS).mapToObj(i -> UUID.randomUUID()).toList();
    final UUID logResearch = researchIds.get(0);
    final UUID blobMessage = UUID.randomUUID();
    final byte[] blobBytes = new byte[BLOB_BYTES];
    private final Random random = new Random(42);
    private int next;

    Seed() {
        random.nextBytes(blobBytes);
    }

    /** A seeded research id, cycling, so reads touch different rows. */
    UUID someResearch() {
        next = (next + 1) % RESEARCH_ROWS;
        return researchIds.get(next);
    }

    /** The key of the seeded blob that reads fetch. */
    String readBlobKey() {
        return blobMessage + "/0";
    }

    /** A key among {@link #SAVE_KEYS} that saves replace, cycling. */
    String saveBlobKey() {
        next = (next + 1) % RESEARCH_ROWS;
        return blobMessage + "/" + (1 + next % SAVE_KEYS);
    }

    static String now() {
        return TIME.format(Instant.now());
    }

    static String query(int i) {
        return "How do encrypted SQLite vaults scale, question " + i;
    }
}
