package dev.researchvault.adapter.persistence.blob;

import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.adapter.persistence.vault.SqliteErrors;
import dev.researchvault.adapter.persistence.vault.StorageFailures;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.domain.UnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
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
