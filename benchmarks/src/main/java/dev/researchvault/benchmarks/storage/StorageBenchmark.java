package dev.researchvault.benchmarks.storage;

import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The storage operations of issue 7 on one of three sides, chosen by {@link #side}:
 * {@code adapter} (our stack on an encrypted vault), {@code sqlcipher} (the same SQL over raw JDBC on an
 * encrypted file, same driver and pragmas) and {@code plain} (the same SQL over the current xerial driver on
 * a plaintext file). {@code BenchmarkSuite} runs the sides in alternating order and reports ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StorageBenchmark {

    /** The production defaults of {@code vault.busy-timeout} and {@code vault.page-cache-kib}. */
    private static final SqlCipher.ConnectionSettings SETTINGS = new SqlCipher.ConnectionSettings(10_000, 1024);

    @Param({"adapter", "sqlcipher", "plain"})
    public String side;

    private Path dataDir;
    private StorageSide storage;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dataDir = Files.createTempDirectory("rv-bench-storage-");
        Seed seed = new Seed();
        storage = switch (side) {
            case "adapter" -> new AdapterSide(seed);
            case "sqlcipher" -> new RawJdbcSide(SqlCipher.open(dataDir.resolve("vault.db"), randomKey(), VaultFile.VAULT, SETTINGS),
                    SqlCipher.open(dataDir.resolve("blobs.db"), randomKey(), VaultFile.BLOBS, SETTINGS), seed);
            case "plain" -> new RawJdbcSide(
                    PlainSqlite.open(dataDir.resolve("vault.db"), VaultFile.VAULT.pageSizes().get(0), 10_000, 1024),
                    PlainSqlite.open(dataDir.resolve("blobs.db"), VaultFile.BLOBS.pageSizes().get(0), 10_000,
                            SETTINGS.blobPageCacheKiB()), seed);
            default -> throw new IllegalArgumentException("unknown side " + side);
        };
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        storage.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public Object insertResearch() throws Exception {
        return storage.insertResearch();
    }

    @Benchmark
    public Object findResearch() throws Exception {
        return storage.findResearch();
    }

    @Benchmark
    public Object pageOf20() throws Exception {
        return storage.pageOf20();
    }

    @Benchmark
    public Object appendLog() throws Exception {
        return storage.appendLog();
    }

    @Benchmark
    public Object readSettings() throws Exception {
        return storage.readSettings();
    }

    @Benchmark
    public Object saveBlob64KiB() throws Exception {
        return storage.saveBlob();
    }

    @Benchmark
    public Object getBlob64KiB() throws Exception {
        return storage.getBlob();
    }
}
