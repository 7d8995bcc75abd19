package dev.researchvault.adapter.persistence.vault.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * A borrowed connection: closing it rolls back what was left open and returns it to its pool.
 *
 * <p><b>Every transaction begins {@code BEGIN IMMEDIATE}</b>, taking SQLite's write lock up front (waiting
 * for it in the busy handler, up to the busy timeout). SQLite's default {@code BEGIN} (deferred) takes the
 * write lock only at the first write: a transaction that read first and then writes cannot take it once
 * another connection has written meanwhile, and SQLite answers SQLITE_BUSY (or SQLITE_BUSY_SNAPSHOT) at once,
 * without calling the busy handler, because waiting could deadlock. That failed one user's message posts
 * (read the chat, then insert the message) while the same user created research (issue 12, item 7). Only
 * write transactions exist here (reads run in autocommit), so nothing is serialized that need not be.
 */
final class PooledConnection extends DelegatingConnection {

    private final ConnectionPool pool;
    /** Whether this borrow counts among the pool's uses ({@link ConnectionUses}); the use ends when it returns. */
    private final boolean counted;
    private final List<Statement> statements = new ArrayList<>();
    private boolean returned;
    private boolean aborted;
    /** SQLite's busy timeout to put back when the connection returns; negative when it was left as it was. */
    private int busyTimeoutToRestore = -1;

    PooledConnection(Connection delegate, ConnectionPool pool, boolean counted) {
        super(delegate);
        this.pool = pool;
        this.counted = counted;
    }

    /**
     * A borrowed connection whose SQLite busy handler is off until it returns: a statement that meets a locked
     * file fails at once with SQLITE_BUSY instead of sleeping in the handler (in growing steps, up to the busy
     * timeout), for a borrower on a thread that must never sleep. Setting it is one call into SQLite, no statement.
     */
    static PooledConnection withoutBusyWait(Connection delegate, ConnectionPool pool, boolean counted)
            throws SQLException {
        PooledConnection pooled = new PooledConnection(delegate, pool, counted);
        if (delegate.isWrapperFor(SQLiteConnection.class)) {
            SQLiteConnection sqlite = delegate.unwrap(SQLiteConnection.class);
            pooled.busyTimeoutToRestore = pool.busyTimeoutMillis(sqlite);
            sqlite.setBusyTimeout(0);
        }
        return pooled;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        if (autoCommit == delegate.getAutoCommit()) {
            return;
        }
        if (autoCommit) {
            delegate.setAutoCommit(true);
        } else {
            beginImmediate();
        }
    }

    /**
     * {@code BEGIN IMMEDIATE} through the driver, so its own idea of the transaction stays right: the
     * driver's begin statement comes from its connection config, set to IMMEDIATE only for this one begin.
     * Left on, the driver would also run {@code BEGIN IMMEDIATE} right after every commit and rollback, taking
     * the write lock for nothing, and a busy failure there would turn a successful commit into an error.
     */
    private void beginImmediate() throws SQLException {
        if (!delegate.isWrapperFor(SQLiteConnection.class)) {
            delegate.setAutoCommit(false);
            return;
        }
        SQLiteConnectionConfig config = delegate.unwrap(SQLiteConnection.class).getConnectionConfig();
        TransactionMode usual = config.getTransactionMode();
        config.setTransactionMode(TransactionMode.IMMEDIATE);
        try {
            delegate.setAutoCommit(false);
        } catch (SQLException busy) {
            // The driver marks the connection as in a transaction before its BEGIN runs; no transaction began.
            config.setAutoCommit(true);
            throw busy;
        } finally {
            config.setTransactionMode(usual);
        }
    }

    @Override
    public void close() {
        if (returned) {
            return;
        }
        returned = true;
        boolean healthy = closeForgottenStatements() && !aborted;
        try {
            if (!delegate.getAutoCommit()) {
                delegate.rollback();
                delegate.setAutoCommit(true);
            }
            if (busyTimeoutToRestore >= 0) {
                delegate.unwrap(SQLiteConnection.class).setBusyTimeout(busyTimeoutToRestore);
            }
        } catch (SQLException broken) {
            healthy = false;
        }
        pool.giveBack(delegate, healthy, counted);
    }

    /**
     * Takes the connection out of its pool for good: it is closed instead of going back. For a borrower
     * that saw it fail in a way that sticks to the connection (opened read-only while the file could not be
     * written, an I/O error), so the next borrower gets a freshly opened one.
     */
    @Override
    public void abort(Executor executor) {
        aborted = true;
        close();
    }

    /** Statements are remembered until the connection goes back (pruned as they close). */
    @Override
    protected <S extends Statement> S track(S statement) {
        if (statements.size() >= 64) {
            statements.removeIf(PooledConnection::isClosedQuietly);
        }
        statements.add(statement);
        return statement;
    }

    /**
     * A statement left open keeps a read transaction alive on a pooled connection: the WAL could never be
     * checkpointed and would grow without end. Whatever a borrower forgot is closed here.
     */
    private boolean closeForgottenStatements() {
        boolean healthy = true;
        for (Statement statement : statements) {
            try {
                statement.close();
            } catch (SQLException broken) {
                healthy = false;
            }
        }
        statements.clear();
        return healthy;
    }

    private static boolean isClosedQuietly(Statement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return returned || delegate.isClosed();
    }
}
