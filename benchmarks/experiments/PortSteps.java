import dev.researchvault.benchmarks.storage.EncryptedVault;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import java.util.UUID;

/**
 * The streaming benchmark's port loop (save a new key, read it to its end, delete it) with each step timed, to see
 * where blobs.db's checkpoints land (docs/benchmarks.md, "Streamed files at 10 MiB: what the gap was"). A checkpoint
 * runs in the commit that takes the WAL past 1,000 pages, so with 10 MiB files it falls either in every save or in
 * every delete, depending on what the file went through before: -DwarmSmall=N first saves and deletes N files of
 * 1.1 MiB (as the benchmark's warm-up does), -Dwarmup=N rounds of the size are left out of the output.
 *   java -DwarmSmall=2000 -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     benchmarks/experiments/PortSteps.java SAMPLES MIB
 */
public class PortSteps {

    public static void main(String[] args) throws Exception {
        int samples = Integer.parseInt(args[0]);
        byte[] data = new byte[Integer.parseInt(args[1]) * 1024 * 1024];
        new Random(1).nextBytes(data);
        byte[] small = new byte[1_100_000];
        new Random(2).nextBytes(small);
        byte[] buffer = new byte[64 * 1024];
        try (EncryptedVault vault = new EncryptedVault()) {
            BlobStore store = vault.bean(BlobStore.class);
            for (int i = 0; i < Integer.getInteger("warmSmall", 0); i++) {
                BlobKey key = BlobKey.file(UUID.randomUUID(), 0);
                vault.inVault(() -> store.save(key, "application/octet-stream", small.length, new ByteArrayInputStream(small)));
                vault.inVault(() -> store.delete(key));
            }
            for (int i = -Integer.getInteger("warmup", 3); i < samples; i++) {
                BlobKey key = BlobKey.file(UUID.randomUUID(), 0);
                long start = System.nanoTime();
                vault.inVault(() -> store.save(key, "application/octet-stream", data.length, new ByteArrayInputStream(data)));
                long saved = System.nanoTime();
                try (BlobStream open = vault.inVault(() -> store.openStream(key).orElseThrow())) {
                    InputStream content = open.content();
                    while (content.read(buffer) != -1) {
                        // to the end, as a download reads
                    }
                }
                long read = System.nanoTime();
                vault.inVault(() -> store.delete(key));
                long deleted = System.nanoTime();
                if (i >= 0) {
                    System.out.printf("save %.1f read %.1f delete %.1f ms%n", (saved - start) / 1e6, (read - saved) / 1e6,
                            (deleted - read) / 1e6);
                }
            }
        }
    }
}
