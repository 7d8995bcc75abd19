package dev.researchvault.adapter.persistence.vault.jdbc

import org.sqlite.SQLiteErrorCode
import org.sqlite.SQLiteException

import java.sql.Connection
import java.sql.PreparedStatement
import java.sql.SQLException
import java.util.function.UnaryOperator

/**
 * Storage faults for connections, deterministic where a real full disk or read-only file needs root:
 * writes refused with SQLITE_FULL while {@link #full}; a connection opened while {@link #readOnlyOpens}
 * refuses writes with SQLITE_READONLY for good, as a connection SQLite opened read-only (its fallback
 * when the file may not be written) does even after the file is writable again; no connection opens
 * (SQLITE_IOERR) while {@link #unopenable}, as on a disk without room for a new {@code -shm}.
 */
class StorageFaults implements UnaryOperator<Connection> {

    volatile boolean full
    volatile boolean readOnlyOpens
    volatile boolean unopenable
    final List<FaultyConnection> opened = Collections.synchronizedList([])

    @Override
    Connection apply(Connection connection) {
        if (unopenable) {
            connection.close()
            throw new SQLiteException('disk I/O error', SQLiteErrorCode.SQLITE_IOERR)
        }
        def faulty = new FaultyConnection(connection, this, readOnlyOpens)
        opened << faulty
        faulty
    }

    /** Connections opened and not yet closed. */
    List<FaultyConnection> getLive() {
        opened.findAll { !it.physicallyClosed }
    }

    SQLException refusal(boolean openedReadOnly) {
        if (openedReadOnly) {
            return new SQLiteException('attempt to write a readonly database', SQLiteErrorCode.SQLITE_READONLY)
        }
        full ? new SQLiteException('database or disk is full', SQLiteErrorCode.SQLITE_FULL) : null
    }

    static class FaultyConnection extends DelegatingConnection {
        final StorageFaults faults
        final boolean openedReadOnly
        volatile boolean physicallyClosed

        FaultyConnection(Connection real, StorageFaults faults, boolean openedReadOnly) {
            super(real)
            this.faults = faults
            this.openedReadOnly = openedReadOnly
        }

        @Override
        PreparedStatement prepareStatement(String sql) throws SQLException {
            PreparedStatement real = delegate.prepareStatement(sql)
            isWrite(sql) ? new FaultyStatement(real, this) : real
        }

        @Override
        void close() throws SQLException {
            physicallyClosed = true
            delegate.close()
        }

        private static boolean isWrite(String sql) {
            sql.trim().toUpperCase().matches(/^(INSERT|UPDATE|DELETE)\b.*/)
        }
    }

    static class FaultyStatement extends DelegatingPreparedStatement {
        final FaultyConnection connection

        FaultyStatement(PreparedStatement real, FaultyConnection connection) {
            super(real)
            this.connection = connection
        }

        @Override
        int executeUpdate() throws SQLException {
            SQLException refused = connection.faults.refusal(connection.openedReadOnly)
            if (refused) {
                throw refused
            }
            delegate.executeUpdate()
        }
    }
}
