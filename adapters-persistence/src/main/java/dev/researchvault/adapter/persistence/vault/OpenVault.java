package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.search.SearchBacklog;
import dev.researchvault.adapter.persistence.search.SearchSegments;
import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionPool;
import dev.researchvault.adapter.persistence.vault.jdbc.TurnHoldingConnection;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's vault while it is open: a connection pool per file, and a count of the requests using it
 * ("leases"). It is opened lazily by the first lease, and closed only when it has been retired (evicted
 * from the cache, or its user logged out) and no lease is left, so eviction never pulls a connection from
 * under a running request. Closing checkpoints the WAL into the main file first. While it stays open, the
 * connections nobody has used for a while are closed ({@link #closeIdleConnections}) and reopened on demand.
 */
final class OpenVault {

    private static final Logger LOG = LoggerFactory.getLogger(OpenVault.class);

    /** Outcome of {@link #lease}. */
    enum Lease { GRANTED, WRONG_KEY, RETIRED }

    /** Opens the pools of a vault; throws SQLException with SQLITE_NOTADB for a wrong key. */
    @FunctionalInterface
    interface Opener {
        Map<VaultFile, ConnectionPool> open(UserId user, MasterKey key) throws SQLException;
    }

    private final UserId user;
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    /** Run once the files are closed; guarded by this. */
    private final List<Runnable> afterClose = new ArrayList<>();
    private boolean closeAnnounced;
    /**
     * Written under this monitor; volatile so that {@link #leaseIfOpen} can see, before it takes the monitor,
     * whether the vault is being opened: opening holds the monitor for as long as migrations take.
     */
    private volatile Map<VaultFile, ConnectionPool> pools;
    /** Recent point reads of vault.db, while its pool is open: made with the pools, dropped with them. */
    private volatile PointReads pointReads;
    /** When the last lease through the cache was taken ({@link System#nanoTime}): see {@link #leaseIfOpen}. */
    private volatile long leasedThroughCacheAt;
    private MasterKey key;
    private int leases;
    private boolean retired;
    private boolean closed;

    OpenVault(UserId user) {
        this.user = user;
    }

    /**
     * The fair writer turn of {@code file} (kept by its pool, {@link ConnectionPool#writers()}): writers take it
     * before they borrow a connection, so one waiting for its turn holds no pooled connection, and all writers
     * of the file queue in one line, first come first served, before SQLite's own writer lock. Left to SQLite,
     * a writer that finds the lock taken sleeps in its busy handler in growing steps (up to 100 ms) and wakes
     * late, which made the tail of concurrent writes to one vault ten times its median (docs/benchmarks.md, log
     * appends). Empty while the vault is not open.
     */
    Optional<ReentrantLock> writers(VaultFile file) {
        synchronized (this) {
            return pools == null ? Optional.empty() : Optional.of(pools.get(file).writers());
        }
    }

    /** The writer turn of {@code vault.db}: see {@link #writers(VaultFile)}. */
    Optional<ReentrantLock> writers() {
        return writers(VaultFile.VAULT);
    }

    /**
     * A connection to {@code file} for one write: waits for the file's writer turn first (in arrival order, at
     * most the busy timeout, then SQLITE_BUSY), then borrows; closing the connection ends the turn. Only valid
     * while the caller holds a lease.
     */
    Connection writeConnection(VaultFile file) throws SQLException {
        ConnectionPool pool;
        synchronized (this) {
            pool = pools == null ? null : pools.get(file);
        }
        if (pool == null) {
            throw new SQLException("vault not open");
        }
        pool.awaitWriterTurn();
        try {
            return new TurnHoldingConnection(pool.borrow(), pool.writers());
        } catch (SQLException | RuntimeException failure) {
            pool.writers().unlock();
            throw failure;
        }
    }

    UserId user() {
        return user;
    }

    /** Recent point reads of vault.db ({@link PointReads}); empty while the vault is not open. */
    Optional<PointReads> pointReads() {
        return Optional.ofNullable(pointReads);
    }

    /**
     * Takes a lease, opening (and migrating) the files first if this is the first one. Other users are
     * never blocked by this: the monitor is per vault.
     */
    synchronized Lease lease(MasterKey offeredKey, Opener opener) throws SQLException {
        if (retired) {
            return Lease.RETIRED;
        }
        if (pools == null) {
            pools = opener.open(user, offeredKey);
            key = new MasterKey(offeredKey.copyBytes());
            pointReads = new PointReads(pools.get(VaultFile.VAULT).uses());
        } else if (!key.sameAs(offeredKey)) {
            return Lease.WRONG_KEY;
        }
        leases++;
        leasedThroughCacheAt = System.nanoTime();
        return Lease.GRANTED;
    }

    /**
     * A lease without waiting: only on a vault open now, not retired, with {@code offeredKey} its key, and whose
     * last lease through the cache ({@link #lease}) is younger than {@code accessRefresh}. False otherwise, and the
     * caller takes the blocking path. The monitor is taken only once the vault is open, when nothing holds it for
     * long. The last condition keeps the cache's idle expiry and eviction order right: a lease taken here does
     * not pass through the cache, so it does not count as a use of the vault there.
     */
    boolean leaseIfOpen(MasterKey offeredKey, long accessRefreshNanos) {
        if (pools == null || System.nanoTime() - leasedThroughCacheAt > accessRefreshNanos) {
            return false;
        }
        synchronized (this) {
            if (retired || pools == null || !key.sameAs(offeredKey)) {
                return false;
            }
            leases++;
            return true;
        }
    }

    /**
     * One more lease on a vault that is open now, for work that outlives the request that started it (a download
     * read a chunk at a time): the vault then stays open until {@link #release}, as for a request in progress.
     *
     * @throws SQLException when the vault is closed or not yet open
     */
    synchronized void retain() throws SQLException {
        if (pools == null || closed) {
            throw new SQLException("vault not open");
        }
        leases++;
    }

    /** A connection to {@code file}; only valid while the caller holds a lease. */
    Connection connection(VaultFile file) throws SQLException {
        Map<VaultFile, ConnectionPool> current;
        synchronized (this) {
            current = pools;
        }
        if (current == null) {
            throw new SQLException("vault not open");
        }
        return current.get(file).borrow();
    }

    /**
     * An idle connection to {@code file} at once, with SQLite's busy handler off, for a caller that must not wait
     * ({@link ConnectionPool#borrowIdleWithoutWaiting}); only valid while the caller holds a lease.
     *
     * @throws WouldWait when no connection is idle
     */
    Connection idleConnection(VaultFile file) throws SQLException {
        Map<VaultFile, ConnectionPool> current = pools;
        if (current == null) {
            throw new SQLException("vault not open");
        }
        return current.get(file).borrowIdleWithoutWaiting().orElseThrow(() -> new WouldWait("no idle connection"));
    }

    void release() {
        boolean closeNow;
        synchronized (this) {
            leases--;
            closeNow = retired && leases == 0 && !closed;
            closed |= closeNow;
        }
        if (closeNow) {
            shutDown();
        }
    }

    /** How many requests, streams and background tasks hold this vault now. */
    synchronized int leases() {
        return leases;
    }

    /** No new leases; closes now if unused, otherwise when the last lease is released. Idempotent. */
    void retire() {
        boolean closeNow;
        synchronized (this) {
            retired = true;
            closeNow = leases == 0 && !closed;
            closed |= closeNow;
        }
        if (closeNow) {
            shutDown();
        }
    }

    /** Runs {@code action} once the files are closed: now, if they are. */
    void whenClosed(Runnable action) {
        synchronized (this) {
            if (!closeAnnounced) {
                afterClose.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * Closes the pooled connections idle for at least {@code idleFor}; the vault stays open with its key, and the
     * next request opens a connection again (without the key checks and migrations of opening the vault). Holds a
     * lease while it does, so the vault cannot finish closing meanwhile: a password change, restore or deletion,
     * which waits for the vault to close, never works on a file that one of these connections is still closing
     * (closing the last connection of a WAL file checkpoints it and deletes the WAL). A vault.db connection first
     * applies the search index's queue and merges its segments a while ({@code SearchBacklog},
     * {@code SearchSegments}), which its writes no longer do; while the vault is in use, an idle vault.db
     * connection applies a queue of a batch or more, put back idle since when it was.
     *
     * @return how many connections were closed
     */
    int closeIdleConnections(Duration idleFor) {
        Map<VaultFile, ConnectionPool> current;
        synchronized (this) {
            if (pools == null || closed) {
                return 0;
            }
            leases++;
            current = pools;
        }
        try {
            int closedNow = 0;
            for (Map.Entry<VaultFile, ConnectionPool> file : current.entrySet()) {
                ConnectionPool pool = file.getValue();
                if (file.getKey() != VaultFile.VAULT) {
                    closedNow += pool.closeIdle(idleFor);
                    continue;
                }
                // Writes leave the search index's queue (V12__search_backlog.sql) and its merging
                // (V11__search_merge_off_writes.sql) to later: before a connection closes for idleness,
                closedNow += pool.closeIdle(idleFor, connection -> {
                    SearchBacklog.applyWhileIdle(connection, pool.writers(), pool::hasWaitingBorrowers);
                    SearchSegments.mergeWhileIdle(connection, pool.writers());
                });
                // and, for a queue of a batch or more, while the vault is in use (a batch is where the queue pays).
                pool.withIdle(connection -> SearchBacklog.applyWhileInUse(connection, pool.writers(), pool::hasWaitingBorrowers));
            }
            return closedNow;
        } finally {
            release();
        }
    }

    /**
     * Since when each idle pooled connection of this vault has been idle ({@link ConnectionPool#idleSince}); nothing
     * while it is not open. Takes no lease: it only reads the pools' idle lists.
     */
    void idleSince(LongConsumer since) {
        Map<VaultFile, ConnectionPool> current = pools;
        if (current != null) {
            current.values().forEach(pool -> pool.idleSince(since));
        }
    }

    /** Waits until the files are closed; true when they are. */
    boolean awaitClosed(long timeoutMillis) throws InterruptedException {
        return closedLatch.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void shutDown() {
        Map<VaultFile, ConnectionPool> toClose;
        synchronized (this) {
            toClose = pools == null ? new EnumMap<>(VaultFile.class) : pools;
            pools = null;
            if (pointReads != null) {
                pointReads.clear();
                pointReads = null;
            }
            if (key != null) {
                key.destroy();
            }
        }
        toClose.forEach(this::checkpointAndClose);
        closedLatch.countDown();
        List<Runnable> actions;
        synchronized (this) {
            closeAnnounced = true;
            actions = List.copyOf(afterClose);
            afterClose.clear();
        }
        actions.forEach(Runnable::run);
    }

    private void checkpointAndClose(VaultFile file, ConnectionPool pool) {
        java.util.Optional<Connection> idle = pool.borrowIdle();
        if (idle.isEmpty()) {
            pool.close();
            return;
        }
        try (Connection connection = idle.get(); Statement statement = connection.createStatement()) {
            // Folding the WAL into the main file keeps the closed vault a single self-contained file.
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException failure) {
            LOG.warn("event=vault.checkpoint-failed user={} file={} errorCode={}", user, file, failure.getErrorCode());
        } finally {
            pool.close();
        }
    }
}
