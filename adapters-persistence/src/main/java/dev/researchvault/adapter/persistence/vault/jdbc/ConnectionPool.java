package dev.researchvault.adapter.persistence.vault.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A small bounded pool of connections to one SQLite file. Connections are created on demand (a vault
 * used by one request at a time keeps one connection) and kept until {@link #close()}, or until they have been
 * idle long enough for {@link #closeIdle}. Small on purpose: SQLite has one writer, and each open connection of an
 * encrypted file costs native memory (about 450 KiB for a vault.db connection: its parsed schema, SQLite's
 * lookaside, the cipher's buffers and its page cache; docs/benchmarks.md).
 *
 * <p>The pool also keeps the file's <b>writer turn</b> ({@link #writers()}), a fair lock that every writer of
 * the file takes <em>before</em> it borrows a connection (a vault.db transaction in {@code VaultTransactions},
 * a blobs.db write through {@code CurrentVault.writeConnection}) and holds until its write has ended. Writers
 * of one file so queue in arrival order in Java and find SQLite's write lock free, instead of sleeping in
 * SQLite's busy handler, which wakes late. Taking the turn first matters: a writer waiting for its turn while
 * holding a connection could starve the turn's holder of the connection it still has to borrow.
 */
public final class ConnectionPool implements AutoCloseable {

    /** Enough for the distinct SQL texts a request touches on one file; each costs a few KiB of native memory. */
    public static final int DEFAULT_STATEMENTS_PER_CONNECTION = 16;

    /** Whether this thread's borrows are reads that must not count as uses: see {@link #readUncounted}. */
    private static final ThreadLocal<Boolean> UNCOUNTED = ThreadLocal.withInitial(() -> false);

    /** Opens a new physical connection, already configured (key, pragmas); closed with the pool. */
    @FunctionalInterface
    public interface ConnectionFactory extends AutoCloseable {
        Connection open() throws SQLException;

        /** Forgets what opening needed (a key, say) once the pool is closed. */
        @Override
        default void close() {
        }
    }

    private final ConnectionFactory factory;
    private final Semaphore permits;
    private final Duration borrowTimeout;
    private final int statementsPerConnection;
    /** Most recently returned first: borrowing takes the head, {@link #closeIdle} the tail. */
    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final ReentrantLock writers = new ReentrantLock(true);
    private final ConnectionUses uses = new ConnectionUses();
    private volatile boolean closed;
    /**
     * SQLite's busy timeout of this pool's connections, -1 until the first is lent without waiting. One factory
     * opens them all with one setting, and the driver answers {@code getBusyTimeout} by parsing a property each
     * time: 1.7 % of a research read's CPU on the event loop (docs/benchmarks.md, "Quiet machine, end of stop 16").
     */
    private volatile int busyTimeoutMillis = -1;

    public ConnectionPool(ConnectionFactory factory, int maxConnections, Duration borrowTimeout) {
        this(factory, maxConnections, borrowTimeout, DEFAULT_STATEMENTS_PER_CONNECTION);
    }

    /** @param statementsPerConnection prepared statements each connection keeps ({@link StatementCachingConnection}); 0: none */
    public ConnectionPool(ConnectionFactory factory, int maxConnections, Duration borrowTimeout,
                          int statementsPerConnection) {
        this.factory = factory;
        this.permits = new Semaphore(maxConnections, true);
        this.borrowTimeout = borrowTimeout;
        this.statementsPerConnection = statementsPerConnection;
    }

    /** A connection for the caller's exclusive use until it closes it. */
    public Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLTransientConnectionException("the vault is closed");
        }
        acquirePermit();
        boolean counted = beginUse();
        try {
            Idle connection = idle.pollFirst();
            return new PooledConnection(connection != null ? connection.connection() : openNew(), this, counted);
        } catch (SQLException | RuntimeException failure) {
            permits.release();
            endUse(counted);
            throw failure;
        }
    }

    /**
     * The uses of this pool's connections ({@link ConnectionUses}): every borrow and every piece of background work
     * on an idle connection counts, except the borrows of a {@link #readUncounted} read.
     */
    public ConnectionUses uses() {
        return uses;
    }

    /**
     * Runs {@code read} with the borrows it makes on this thread (of any pool) left out of {@link #uses}: only for
     * a read that runs nothing but its own SELECT statements, whose caller checks the uses around it itself
     * ({@code PointReads}). Counted, such a read would look to itself like a use that might have written.
     */
    public static <T> T readUncounted(Supplier<T> read) {
        boolean outer = UNCOUNTED.get();
        UNCOUNTED.set(true);
        try {
            return read.get();
        } finally {
            UNCOUNTED.set(outer);
        }
    }

    /**
     * An idle connection if the pool has one, without opening a new one: closing a vault checkpoints through
     * it, and a file nobody used needs no checkpoint.
     */
    public Optional<Connection> borrowIdle() {
        Idle connection = closed ? null : idle.pollFirst();
        if (connection == null) {
            return Optional.empty();
        }
        permits.acquireUninterruptibly();
        return Optional.of(new PooledConnection(connection.connection(), this, beginUse()));
    }

    /**
     * An idle connection at once, or empty: for a borrower on a thread that must never wait (an event loop). It
     * takes a permit only when one is free and nobody queues for one (the pool is fair), never opens a connection
     * (opening reads and decrypts the schema: milliseconds), and hands the connection out with SQLite's busy
     * handler off until it returns ({@link PooledConnection#withoutBusyWait}).
     */
    public Optional<Connection> borrowIdleWithoutWaiting() throws SQLException {
        if (closed || !tryAcquirePermitNow()) {
            return Optional.empty();
        }
        Idle connection = idle.pollFirst();
        if (connection == null) {
            permits.release();
            return Optional.empty();
        }
        boolean counted = beginUse();
        try {
            return Optional.of(PooledConnection.withoutBusyWait(connection.connection(), this, counted));
        } catch (SQLException | RuntimeException failure) {
            giveBack(connection.connection(), false, counted);
            throw failure;
        }
    }

    /**
     * Closes the connections that have been idle for at least {@code idleFor}, leaving the pool open: the next
     * borrower opens a new one. Borrowed connections are never touched. The caller makes sure that the file is not
     * closed, replaced or re-keyed while this runs ({@code OpenVault} holds a lease): closing the last connection
     * of a WAL file checkpoints it.
     *
     * @return how many connections it closed
     */
    public int closeIdle(Duration idleFor) {
        return closeIdle(idleFor, connection -> { });
    }

    /**
     * {@link #closeIdle(Duration)}, running {@code beforeClosing} on each connection first: out of the pool by then,
     * so no borrower can have it, and idle work on it delays no request (vault.db merges its search index there).
     */
    public int closeIdle(Duration idleFor, Consumer<Connection> beforeClosing) {
        long idleSince = System.nanoTime() - idleFor.toNanos();
        int closedNow = 0;
        Idle oldest;
        while ((oldest = idle.peekLast()) != null && oldest.since() - idleSince <= 0) {
            // A borrower may have taken it since the peek: then the loop looks at the new tail.
            if (idle.removeLastOccurrence(oldest)) {
                uses.begin();
                try {
                    beforeClosing.accept(oldest.connection());
                } finally {
                    uses.end();
                }
                closeQuietly(oldest.connection());
                closedNow++;
            }
        }
        return closedNow;
    }

    /**
     * Runs {@code work} on the most recently returned idle connection, if there is one and a permit is free now, and
     * puts it back idle since when it was: background work never keeps a connection from being closed for idleness
     * ({@link #closeIdle}), and never opens one. Meanwhile the connection is out of the pool like a borrowed one.
     *
     * @param work must leave the connection in auto-commit, and must not throw
     * @return whether the work ran
     */
    public boolean withIdle(Consumer<Connection> work) {
        if (closed || !tryAcquirePermitNow()) {
            return false;
        }
        Idle connection = idle.pollFirst();
        if (connection == null) {
            permits.release();
            return false;
        }
        uses.begin();
        try {
            work.accept(connection.connection());
        } finally {
            if (closed) {
                closeQuietly(connection.connection());
            } else {
                idle.offerFirst(connection);
            }
            permits.release();
            uses.end();
        }
        return true;
    }

    /**
     * Since when each idle connection has been idle ({@link System#nanoTime}), newest first: a snapshot that may miss
     * a connection borrowed or returned meanwhile, for a bound on idle connections over many pools.
     */
    public void idleSince(LongConsumer since) {
        for (Idle connection : idle) {
            since.accept(connection.since());
        }
    }

    /** Whether a borrower waits for a connection now: every one is lent (background work then gives way). */
    public boolean hasWaitingBorrowers() {
        return permits.hasQueuedThreads();
    }

    /** The writer turn of this file: fair (first come, first served) and reentrant. */
    public ReentrantLock writers() {
        return writers;
    }

    /**
     * Waits, in arrival order, for this file's writer turn (immediately when the thread holds it already); the
     * caller unlocks {@link #writers()} when its write has ended.
     *
     * @throws SQLException with SQLITE_BUSY when the turn does not come within the borrow timeout (the busy
     *         timeout), exactly what SQLite itself answers after waiting that long
     */
    public void awaitWriterTurn() throws SQLException {
        try {
            if (writers.tryLock(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        throw new SQLiteException("no turn among the file's writers within " + borrowTimeout, SQLiteErrorCode.SQLITE_BUSY);
    }

    private Connection openNew() throws SQLException {
        Connection connection = factory.open();
        return statementsPerConnection > 0 ? new StatementCachingConnection(connection, statementsPerConnection) : connection;
    }

    /** @param counted whether the borrow counted as a use, which ends here: the connection has no transaction left */
    void giveBack(Connection connection, boolean healthy, boolean counted) {
        if (healthy && !closed) {
            idle.offerFirst(new Idle(connection, System.nanoTime()));
        } else {
            closeQuietly(connection);
        }
        permits.release();
        endUse(counted);
        if (closed) {
            drainIdle();
        }
    }

    /** Begins a use for a borrow on this thread, unless inside {@link #readUncounted}; whether it did. */
    private boolean beginUse() {
        boolean counted = !UNCOUNTED.get();
        if (counted) {
            uses.begin();
        }
        return counted;
    }

    private void endUse(boolean counted) {
        if (counted) {
            uses.end();
        }
    }

    /** Closes idle connections now and borrowed ones when they come back. Idempotent. */
    @Override
    public void close() {
        closed = true;
        drainIdle();
        factory.close();
    }

    private void acquirePermit() throws SQLException {
        try {
            if (!permits.tryAcquire(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("no connection free within " + borrowTimeout);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a connection");
        }
    }

    /** SQLite's busy timeout of {@code connection}, one of this pool's: read from the driver once per pool. */
    int busyTimeoutMillis(SQLiteConnection connection) {
        int known = busyTimeoutMillis;
        if (known < 0) {
            known = connection.getBusyTimeout();
            busyTimeoutMillis = known;
        }
        return known;
    }

    /**
     * A permit if one is free now. Not {@code tryAcquire()}, which barges past the fair queue: borrowers that
     * never wait would then starve those that do.
     */
    private boolean tryAcquirePermitNow() {
        try {
            return permits.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void drainIdle() {
        Idle connection;
        while ((connection = idle.pollFirst()) != null) {
            closeQuietly(connection.connection());
        }
    }

    /**
     * A connection waiting in the pool, and since when ({@link System#nanoTime}). Equal only to itself in practice:
     * a connection waits in the pool at most once at a time.
     */
    private record Idle(Connection connection, long since) {
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a broken connection can fail; there is nothing left to release.
        }
    }
}
