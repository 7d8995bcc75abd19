package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionPool;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Settings of the vault engine ({@code vault.*} in configuration; env var {@code VAULT_DATA_DIR} etc.). */
@ConfigurationProperties("vault")
public class VaultConfiguration {

    private String dataDir = "./data";
    private int connectionsPerFile = 4;
    private Duration busyTimeout = Duration.ofSeconds(10);
    private int maxOpenVaults = 256;
    private Duration closeIdleVaultsAfter = Duration.ofMinutes(15);
    private Duration closeIdleConnectionsAfter = Duration.ofSeconds(10);
    private int maxIdleConnections = 64;
    private Duration lockTimeout = Duration.ofSeconds(30);
    private int pageCacheKiB = 1024;
    private int blobPageCacheKiB = SqlCipher.ConnectionSettings.DEFAULT_BLOB_PAGE_CACHE_KIB;
    private int statementsPerConnection = ConnectionPool.DEFAULT_STATEMENTS_PER_CONNECTION;
    private Duration slowQueryThreshold = Duration.ofMillis(100);
    private Duration nativeHeapTrimInterval = Duration.ofSeconds(1);

    /** Root of every file the server writes: {@code registry.db}, {@code users/}, {@code backups/}. */
    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    /** Upper bound of pooled connections per open file. */
    public int getConnectionsPerFile() {
        return connectionsPerFile;
    }

    public void setConnectionsPerFile(int connectionsPerFile) {
        this.connectionsPerFile = connectionsPerFile;
    }

    /** How long a statement waits for SQLite's single writer lock before failing. */
    public Duration getBusyTimeout() {
        return busyTimeout;
    }

    public void setBusyTimeout(Duration busyTimeout) {
        this.busyTimeout = busyTimeout;
    }

    /** Bound of the open-vault cache; the least recently used idle vault is closed beyond it. */
    public int getMaxOpenVaults() {
        return maxOpenVaults;
    }

    public void setMaxOpenVaults(int maxOpenVaults) {
        this.maxOpenVaults = maxOpenVaults;
    }

    /** An open vault unused for this long is closed (its keys stay in the session until it ends). */
    public Duration getCloseIdleVaultsAfter() {
        return closeIdleVaultsAfter;
    }

    public void setCloseIdleVaultsAfter(Duration closeIdleVaultsAfter) {
        this.closeIdleVaultsAfter = closeIdleVaultsAfter;
    }

    /**
     * A pooled connection of an open vault unused for this long is closed, and opened again by the next request
     * that needs it; zero: connections stay open until their vault closes. Each costs ~450 KiB of native memory
     * (docs/benchmarks.md, "Where an open vault's native memory goes"), an open vault may sit idle for
     * {@link #getCloseIdleVaultsAfter()}, and reopening one connection takes a few milliseconds.
     */
    public Duration getCloseIdleConnectionsAfter() {
        return closeIdleConnectionsAfter;
    }

    public void setCloseIdleConnectionsAfter(Duration closeIdleConnectionsAfter) {
        if (closeIdleConnectionsAfter.isNegative()) {
            throw new IllegalArgumentException("vault.close-idle-connections-after must not be negative, was "
                    + closeIdleConnectionsAfter);
        }
        this.closeIdleConnectionsAfter = closeIdleConnectionsAfter;
    }

    /**
     * At most this many pooled connections stay idle across all open vaults; beyond it the least recently used are
     * closed first, whichever vault holds them, by the same sweep and in the same way as
     * {@link #getCloseIdleConnectionsAfter()} (which turns both off when zero). Without a bound a server's native memory
     * grows with how many users were active in the last seconds (≈ 450 KiB per vault.db connection, ≈ 270 KiB per
     * blobs.db one), however many users that is; with it, idle connections hold at most about this many times that.
     * Connections in use are not counted: a request always gets one.
     */
    public int getMaxIdleConnections() {
        return maxIdleConnections;
    }

    public void setMaxIdleConnections(int maxIdleConnections) {
        if (maxIdleConnections < 0) {
            throw new IllegalArgumentException("vault.max-idle-connections must not be negative, was " + maxIdleConnections);
        }
        this.maxIdleConnections = maxIdleConnections;
    }

    /**
     * At most how often the native heap is trimmed after vaults closed ({@code NativeHeapTrim}); zero: never. glibc's
     * malloc keeps what closed vaults freed unless asked to give it back. Short, because connections close all the time
     * while users come and go (idle ones beyond {@link #getMaxIdleConnections()} within a second) and what they freed
     * stays resident until the next trim (the sweep that closes them asks for one); a trim took 2–12 ms with 600 users
     * coming and going (docs/benchmarks.md).
     */
    public Duration getNativeHeapTrimInterval() {
        return nativeHeapTrimInterval;
    }

    public void setNativeHeapTrimInterval(Duration nativeHeapTrimInterval) {
        if (nativeHeapTrimInterval.isNegative()) {
            throw new IllegalArgumentException("vault.native-heap-trim-interval must not be negative, was "
                    + nativeHeapTrimInterval);
        }
        this.nativeHeapTrimInterval = nativeHeapTrimInterval;
    }

    /** How long a request waits while the user's vault is being re-keyed, restored or deleted. */
    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /** SQLite page cache per connection, in KiB: the main memory cost of an open vault. */
    public int getPageCacheKib() {
        return pageCacheKiB;
    }

    public void setPageCacheKib(int pageCacheKiB) {
        this.pageCacheKiB = pageCacheKiB;
    }

    /**
     * SQLite page cache per blobs.db connection, in KiB. Blobs larger than the cache pass through it anyway;
     * SQLite allocates the first 20 pages of a cache in one block, so with 16 KiB pages a larger cache costs every
     * open vault up to 320 KiB at once (measured: docs/benchmarks.md, "Memory"). 128 KiB is 8 pages: enough to
     * keep a file of up to about 100 KiB (a thumbnail, a small image) cached between reads.
     */
    public int getBlobPageCacheKib() {
        return blobPageCacheKiB;
    }

    public void setBlobPageCacheKib(int blobPageCacheKiB) {
        this.blobPageCacheKiB = blobPageCacheKiB;
    }

    /** Prepared statements each pooled connection keeps for reuse (0 turns the statement cache off). */
    public int getStatementsPerConnection() {
        return statementsPerConnection;
    }

    public void setStatementsPerConnection(int statementsPerConnection) {
        this.statementsPerConnection = statementsPerConnection;
    }

    /** Statements at least this slow are logged at WARN (SQL cut short, never a value); 0 logs every statement. */
    public Duration getSlowQueryThreshold() {
        return slowQueryThreshold;
    }

    public void setSlowQueryThreshold(Duration slowQueryThreshold) {
        if (slowQueryThreshold.isNegative()) {
            throw new IllegalArgumentException("vault.slow-query-threshold must not be negative, was " + slowQueryThreshold);
        }
        this.slowQueryThreshold = slowQueryThreshold;
    }
}
