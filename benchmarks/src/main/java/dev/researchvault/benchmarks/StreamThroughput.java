package dev.researchvault.benchmarks;

import dev.researchvault.benchmarks.storage.EncryptedVault;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The blob port's streamed throughput, the baseline of the HTTP streaming benchmark (benchmarks/http-streaming.sh):
 * MB/s of {@code save(key, mime, size, InputStream)} and of reading {@code openStream} to its end, per size in MiB
 * given as arguments, on an encrypted vault. Prints one line per size: {@code <mib> <save MB/s median> <read MB/s
 * median>}, for the script to set beside the HTTP figures of the same run.
 *
 * <p>Usage: {@code StreamThroughput SAMPLES MIB...}; first {@code -DwarmSmall=N} save-read-delete rounds of a 1.1 MiB
 * file (two chunks, default 2000), then {@code -Dwarmup=N} unrecorded rounds per size (default 5): the counts
 * {@code benchmarks/http/streams.py} is given too, so both sides are measured warm. Then, by default ({@code -Dmode=kept}),
 * 4 x SAMPLES files of 10 MiB (SAMPLES of larger sizes) saved one after another and kept, then each read to its end:
 * MB/s = all bytes over all time, so every save pays its own share of blobs.db's checkpoints (in a save-read-delete
 * cycle, whether the checkpoint fell in the timed save or the untimed delete depended on the file's history: 47 or
 * 95 ms for the same 10 MiB save). {@code -Dmode=cycle}: the earlier save-read-delete medians.
 */
public final class StreamThroughput {

    private static final double MB = 1_000_000.0;
    private static final int WARMUP = Integer.getInteger("warmup", 5);
    private static final int WARM_SMALL = Integer.getInteger("warmSmall", 2000);
    private static final int WARM_SMALL_BYTES = 1_100_000;
    /** {@code -Dmode=kept} (default) or {@code cycle}, as {@code MODE} in benchmarks/http/streams.py. */
    private static final boolean KEPT = !"cycle".equals(System.getProperty("mode", "kept"));

    private StreamThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.parseInt(args[0]);
        try (EncryptedVault vault = new EncryptedVault()) {
            BlobStore store = vault.bean(BlobStore.class);
            warm(vault, store);
            for (int i = 1; i < args.length; i++) {
                int mib = Integer.parseInt(args[i]);
                double[] medians = measure(vault, store, mib, samples);
                System.out.printf("%d %.1f %.1f%n", mib, medians[0], medians[1]);
            }
        }
    }

    /** The same warm-up as the HTTP side's: small files of two chunks saved, read and deleted. */
    private static void warm(EncryptedVault vault, BlobStore store) throws Exception {
        byte[] data = new byte[WARM_SMALL_BYTES];
        new Random(1).nextBytes(data);
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < WARM_SMALL; i++) {
            cycle(vault, store, data, buffer);
        }
    }

    private static double[] measure(EncryptedVault vault, BlobStore store, int mib, int samples) throws Exception {
        byte[] data = new byte[mib * 1024 * 1024];
        new Random(mib).nextBytes(data);
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < WARMUP; i++) { // unrecorded rounds
            cycle(vault, store, data, buffer);
        }
        return KEPT ? kept(vault, store, data, samples * (mib == 10 ? 4 : 1), buffer) : cycled(vault, store, data, samples, buffer);
    }

    /** Files saved one after another and kept, then each read; all bytes over all time (see the class comment). */
    private static double[] kept(EncryptedVault vault, BlobStore store, byte[] data, int count, byte[] buffer) throws Exception {
        List<BlobKey> keys = new ArrayList<>();
        long saving = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            keys.add(save(vault, store, data));
            saving += System.nanoTime() - start;
        }
        long reading = 0;
        for (BlobKey key : keys) {
            long start = System.nanoTime();
            readToEnd(vault, store, key, buffer);
            reading += System.nanoTime() - start;
        }
        for (BlobKey key : keys) {
            vault.inVault(() -> store.delete(key));
        }
        double bytes = (double) data.length * count;
        return new double[] {bytes / MB / (saving / 1e9), bytes / MB / (reading / 1e9)};
    }

    /** Each file saved, read and deleted before the next (the figures until stop 18); medians. */
    private static double[] cycled(EncryptedVault vault, BlobStore store, byte[] data, int samples, byte[] buffer) throws Exception {
        List<Double> saves = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            double[] seconds = cycle(vault, store, data, buffer);
            saves.add(data.length / MB / seconds[0]);
            reads.add(data.length / MB / seconds[1]);
        }
        return new double[] {Stats.of(saves).median(), Stats.of(reads).median()};
    }

    /**
     * A new file of {@code data} saved, read to its end and deleted (untimed): the save's and the read's seconds. A new
     * key each time, as an HTTP upload makes a new file (replacing one key would time the old version's deletion too).
     */
    private static double[] cycle(EncryptedVault vault, BlobStore store, byte[] data, byte[] buffer) throws Exception {
        long start = System.nanoTime();
        BlobKey key = save(vault, store, data);
        long saved = System.nanoTime();
        readToEnd(vault, store, key, buffer);
        long read = System.nanoTime();
        vault.inVault(() -> store.delete(key));
        return new double[] {(saved - start) / 1e9, (read - saved) / 1e9};
    }

    /** {@code data} saved under a new key, streamed as an upload is. */
    private static BlobKey save(EncryptedVault vault, BlobStore store, byte[] data) throws Exception {
        BlobKey key = BlobKey.file(UUID.randomUUID(), 0);
        vault.inVault(() -> store.save(key, "application/octet-stream", data.length, new ByteArrayInputStream(data)));
        return key;
    }

    private static void readToEnd(EncryptedVault vault, BlobStore store, BlobKey key, byte[] buffer) throws Exception {
        try (BlobStream open = vault.inVault(() -> store.openStream(key).orElseThrow())) {
            InputStream content = open.content();
            while (content.read(buffer) != -1) {
                // read to the end, as a download does
            }
        }
    }
}
