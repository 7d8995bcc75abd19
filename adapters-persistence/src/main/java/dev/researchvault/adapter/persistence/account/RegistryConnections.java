package dev.researchvault.adapter.persistence.account;

import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionPool;
import dev.researchvault.adapter.persistence.vault.FlywaySchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The connections of {@code registry.db}: a small pool in WAL mode where every account change is followed
 * by a checkpoint ({@link WalCheckpoint}), so the main file alone holds every account. Storage faults heal
 * without a restart: the schema is migrated on the first use that can open the file (not at all on a disk
 * too full for SQLite's {@code -shm}), and a connection stuck read-only or failing I/O is discarded.
 */
final class RegistryConnections implements AutoCloseable {

    /** Work on one borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RegistryConnections.class);

    /** SQLite primary result codes that stick to a connection: read-only, I/O error, cannot open. */
    private static final Set<Integer> STUCK = Set.of(8, 10, 14);

    /** Of those, the ones where the connection wrote nothing (an I/O error may have hit a commit half-way). */
    private static final Set<Integer> NOTHING_WRITTEN = Set.of(8, 14);

    private static final int MAX_CONNECTIONS = 4;

    private final ConnectionPool pool;
    private final Duration busyTimeout;
    private volatile boolean migrated;

    /** Opens and migrates the registry now if it can, else on first use (see {@link #ensureMigrated()}). */
    RegistryConnections(Path registryFile, Duration busyTimeout, UnaryOperator<Connection> opened) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        String url = "jdbc:sqlite:" + registryFile.toAbsolutePath();
        this.pool = new ConnectionPool(() -> opened.apply(config.createConnection(url)), MAX_CONNECTIONS, busyTimeout);
        this.busyTimeout = busyTimeout;
        try {
            ensureMigrated();
        } catch (SQLException notYet) {
            // A full disk (no room for the -shm index) must not stop the start: the next use tries again.
            LOG.warn("event=registry.open-deferred sqliteCode={}", notYet.getErrorCode() & 0xFF);
        }
    }

    /**
     * Runs {@code work} on a pooled connection. A connection that fails in a way that sticks to it is
     * discarded, so the registry recovers by itself once the storage does; when it could not write at all
     * (opened read-only, cannot open), nothing was written and the work is tried again on another one.
     */
    <T> T withConnection(Work<T> work) throws SQLException {
        ensureMigrated();
        return retrying(work);
    }

    private <T> T retrying(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(work);
            } catch (SQLException failure) {
                if (!NOTHING_WRITTEN.contains(failure.getErrorCode() & 0xFF) || attempt > MAX_CONNECTIONS) {
                    throw failure;
                }
            }
        }
    }

    private <T> T attempt(Work<T> work) throws SQLException {
        Connection connection = pool.borrow();
        try {
            return work.apply(connection);
        } catch (SQLException failure) {
            discardIfStuck(connection, failure);
            throw failure;
        } finally {
            connection.close();
        }
    }

    /**
     * Runs an account change (committed when {@code work} returns), then checkpoints on the same connection.
     * A checkpoint that fails is logged, never thrown: the change itself is durable in the WAL.
     */
    <T> T change(Work<T> work) throws SQLException {
        ensureMigrated();
        return retrying(checkpointed(work));
    }

    private <T> Work<T> checkpointed(Work<T> work) {
        return connection -> {
            T result = work.apply(connection);
            try {
                WalCheckpoint.fold(connection, busyTimeout);
            } catch (SQLException failure) {
                LOG.warn("event=registry.checkpoint-failed sqliteCode={}", failure.getErrorCode() & 0xFF);
                discardIfStuck(connection, failure);
            }
            return result;
        };
    }

    /** Creates or updates the schema once; until that succeeds, every use tries it again first. */
    private void ensureMigrated() throws SQLException {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (!migrated) {
                retrying(checkpointed(connection -> {
                    try {
                        FlywaySchemaMigrator.migrate("classpath:db/registry", connection);
                    } catch (RuntimeException flywayFailure) {
                        throw sqlFailureIn(flywayFailure);
                    }
                    return null;
                }));
                migrated = true;
            }
        }
    }

    /**
     * SQLite opens a file it may not write read-only, and a connection stays so; an I/O error or a file it
     * could not open may leave it unusable too. Such a connection is closed instead of going back to the
     * pool: before, it answered every later write with SQLITE_READONLY until a restart. The other
     * connections in the pool are left to fail (and go) on their own first use.
     */
    private static void discardIfStuck(Connection connection, SQLException failure) throws SQLException {
        if (STUCK.contains(failure.getErrorCode() & 0xFF)) {
            LOG.info("event=registry.connection-discarded sqliteCode={}", failure.getErrorCode() & 0xFF);
            connection.abort(Runnable::run);
        }
    }

    /** Flyway wraps the driver's failure; its SQLite code says whether the connection is stuck. */
    private static SQLException sqlFailureIn(RuntimeException flywayFailure) {
        for (Throwable cause = flywayFailure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return new SQLException("the registry could not be migrated", flywayFailure);
    }

    @Override
    public void close() {
        pool.close();
    }
}
