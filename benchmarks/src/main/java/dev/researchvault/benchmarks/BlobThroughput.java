package dev.researchvault.benchmarks;

import dev.researchvault.benchmarks.storage.EncryptedVault;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * MB/s of saving and reading 1 MiB and 10 MiB through the {@link BlobStore} port on an encrypted vault,
 * against writing (with fsync, as the port's commit has) and reading the same bytes as a plain file on the
 * same file system. Port and file alternate sample by sample; ratios are per sample pair.
 */
final class BlobThroughput {

    private static final double MB = 1_000_000.0;
    private static final double GOAL_MB_PER_S = 150;

    private final int samples;

    BlobThroughput(int samples) {
        this.samples = samples;
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (EncryptedVault vault = new EncryptedVault()) {
            for (int mib : new int[] {1, 10}) {
                rows.addAll(measure(vault, mib));
            }
        }
        return rows;
    }

    private List<Row> measure(EncryptedVault vault, int mib) throws Exception {
        BlobStore store = vault.bean(BlobStore.class);
        byte[] data = new byte[mib * 1024 * 1024];
        new Random(mib).nextBytes(data);
        BlobKey key = BlobKey.file(UUID.randomUUID(), 0);
        Path file = vault.scratch().resolve("plain-" + mib);
        List<Double> portWrites = new ArrayList<>();
        List<Double> fileWrites = new ArrayList<>();
        List<Double> portReads = new ArrayList<>();
        List<Double> fileReads = new ArrayList<>();
        for (int i = -2; i < samples; i++) { // two unrecorded warm-up rounds
            double portWrite = timed(() -> vault.inVault(() -> store.save(key, "application/octet-stream", data)));
            double fileWrite = timed(() -> {
                writeSynced(file, data);
                return null;
            });
            double portRead = timed(() -> vault.inVault(() -> store.get(key).orElseThrow().data().length));
            double fileRead = timed(() -> Files.readAllBytes(file).length);
            if (i >= 0) {
                portWrites.add(data.length / MB / portWrite);
                fileWrites.add(data.length / MB / fileWrite);
                portReads.add(data.length / MB / portRead);
                fileReads.add(data.length / MB / fileRead);
            }
        }
        return List.of(
                throughputRow(mib + " MiB save, port | plain file (fsync)", portWrites, fileWrites),
                throughputRow(mib + " MiB read, port | plain file", portReads, fileReads));
    }

    private Row throughputRow(String what, List<Double> port, List<Double> file) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < port.size(); i++) {
            ratios.add(file.get(i) / port.get(i));
        }
        Stats portStats = Stats.of(port);
        return new Row("blobs", what + " MB/s; plain/port time ratio",
                portStats.show("%.0f") + " | " + Stats.of(file).show("%.0f") + "; " + Stats.of(ratios).show("%.2f×"),
                "port ≥ 150 MB/s", portStats.median() >= GOAL_MB_PER_S ? "met" : "MISSED");
    }

    private static void writeSynced(Path file, byte[] data) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Seconds taken by {@code work}. */
    private static double timed(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }
}
