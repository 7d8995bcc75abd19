package dev.researchvault.adapter.persistence.blob;

import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.adapter.persistence.vault.SqliteErrors;
import dev.researchvault.adapter.persistence.vault.StorageFailures;
import dev.researchvault.adapter.persistence.vault.UnwrittenBlobStore;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.domain.UnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to the bound user's {@code blobs.db} for the blob adapters, and the one translation of their SQL
 * failures: a busy file is {@code vault.busy} (the client tries again), anything else {@code blob.unavailable}.
 */
final class BlobConnections {

    private static final Logger LOG = LoggerFactory.getLogger(BlobConnections.class);

    private BlobConnections() {
    }

    /** Runs {@code work} on a connection to the bound blobs.db. */
    static <T> T read(String operation, SqlWork<T> work) {
        return run(operation, () -> CurrentVault.connection(VaultFile.BLOBS), work);
    }

    /**
     * Runs a write on a connection to the bound blobs.db taken after waiting for the file's writer turn, so
     * concurrent saves and deletions of one user queue in arrival order rather than race in SQLite's busy
     * handler. (The digest a V1 row gets on its first read is written on the reading connection, outside the
     * turn: waiting for a turn while holding a connection could starve the turn's holder of one; that single
     * statement waits in SQLite's busy handler instead.)
     */
    static <T> T write(String operation, SqlWork<T> work) {
        return run(operation, () -> CurrentVault.writeConnection(VaultFile.BLOBS), work);
    }

    /**
     * {@link #write} whose commit is not synced: {@code synchronous=NORMAL} on the connection for this one write
     * (the connection's own setting, FULL, is put back after). In WAL mode such a commit keeps the file consistent
     * but may be lost with a power cut (never with a process crash: the frames are in the OS's cache). Only for
     * writes that nothing depends on until a later synced commit of the same file, which syncs the WAL and with it
     * every frame before its own (docs/blobs.md, "Durability of staged chunks").
     */
    static <T> T writeUnsynced(String operation, SqlWork<T> work) {
        return write(operation, connection -> {
            String synced = synchronous(connection);
            setSynchronous(connection, "NORMAL");
            try {
                return work.run(connection);
            } finally {
                setSynchronous(connection, synced);
            }
        });
    }

    /** {@link #write} as one transaction: all of {@code work} is committed, or none of it. */
    static <T> T writeAtomically(String operation, SqlWork<T> work) {
        return write(operation, connection -> inTransaction(connection, work));
    }

    /** Runs {@code work} in a transaction of {@code connection}, rolled back when it fails in any way. */
    static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Call before a write that adds a file or an upload to the bound blobs.db: ends its "never written" state
     * ({@link UnwrittenBlobStore}) first, so the login's upkeep looks at blobs.db from then on.
     */
    static void beforeAdding(String operation) {
        translating(operation, () -> {
            UnwrittenBlobStore.beforeWrite();
            return null;
        });
    }

    /** Whether the bound blobs.db has never been given a file or upload: then it has nothing to list or expire. */
    static boolean neverWritten(String operation) {
        return translating(operation, UnwrittenBlobStore::isUnwritten);
    }

    /** Logs and translates an SQL failure of the blob store (error code and state only: messages quote SQL). */
    static UnavailableException translated(String operation, SQLException failure) {
        LOG.warn("event=blob.failed operation={} errorCode={} sqlState={}", operation, failure.getErrorCode(),
                failure.getSQLState());
        if (SqliteErrors.isBusy(failure)) {
            return StorageFailures.busy();
        }
        return new UnavailableException("blob.unavailable", "the file store is unavailable right now");
    }

    /** Runs {@code call}, translating its SQL failure as {@link #translated} does. */
    static <T> T translating(String operation, SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException failure) {
            throw translated(operation, failure);
        }
    }

    private static <T> T run(String operation, ConnectionSupplier connections, SqlWork<T> work) {
        try (Connection connection = connections.get()) {
            return work.run(connection);
        } catch (SQLException failure) {
            throw translated(operation, failure);
        }
    }

    private static String synchronous(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA synchronous")) {
            row.next();
            return Integer.toString(row.getInt(1));
        }
    }

    private static void setSynchronous(Connection connection, String level) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = " + level);
        }
    }

    @FunctionalInterface
    private interface ConnectionSupplier {
        Connection get() throws SQLException;
    }

    /** Work that may fail with an SQL failure. */
    @FunctionalInterface
    interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
