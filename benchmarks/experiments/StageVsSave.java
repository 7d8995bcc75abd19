import dev.researchvault.benchmarks.storage.EncryptedVault;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobUploads;
import dev.researchvault.domain.blob.StagedUpload;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The blob port's save (one transaction) against a staged upload (a commit per 1 MiB chunk), alternating, on an
 * encrypted vault: what the storage side of a raw HTTP upload costs beside the port's save, without HTTP
 * (docs/benchmarks.md, "Streamed files after the profile"). Arguments: MiB, samples (after one warm-up).
 * Run: java -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" benchmarks/experiments/StageVsSave.java 10 5
 */
public class StageVsSave {
    public static void main(String[] args) throws Exception {
        int mib = Integer.parseInt(args[0]);
        int samples = Integer.parseInt(args[1]);
        byte[] data = new byte[mib << 20];
        new Random(1).nextBytes(data);
        try (EncryptedVault vault = new EncryptedVault()) {
            BlobStore store = vault.bean(BlobStore.class);
            BlobUploads uploads = vault.bean(BlobUploads.class);
            for (int i = -1; i < samples; i++) {
                BlobKey saved = BlobKey.file(UUID.randomUUID(), 0);
                long start = System.nanoTime();
                vault.inVault(() -> store.save(saved, "application/octet-stream", data.length, new ByteArrayInputStream(data)));
                double save = (System.nanoTime() - start) / 1e9;
                vault.inVault(() -> store.delete(saved));
                start = System.nanoTime();
                StagedUpload upload = vault.inVault(() -> uploads.stage("application/octet-stream", Optional.empty(),
                        new ByteArrayInputStream(data), soFar -> { }, Instant.now().plusSeconds(3600)));
                double stage = (System.nanoTime() - start) / 1e9;
                BlobKey claimed = BlobKey.file(UUID.randomUUID(), 0);
                vault.inVault(() -> uploads.claim(upload.id(), claimed, Instant.now()));
                vault.inVault(() -> store.delete(claimed));
                System.out.printf("%d MiB%s: save %.0f MB/s, stage %.0f MB/s%n", mib, i < 0 ? " (warm-up)" : "",
                        data.length / 1e6 / save, data.length / 1e6 / stage);
            }
        }
    }
}
