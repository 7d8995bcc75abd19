package dev.researchvault.adapter.persistence.vault;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** A borrowed connection: closing it rolls back what was left open and returns it to its pool. */
final class PooledConnection extends DelegatingConnection {

    private final ConnectionPool pool;
    private final List<Statement> statements = new ArrayList<>();
    private boolean returned;
    private boolean aborted;

    PooledConnection(Connection delegate, ConnectionPool pool) {
        super(delegate);
        this.pool = pool;
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
        } catch (SQLException broken) {
            healthy = false;
        }
        pool.giveBack(delegate, healthy);
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
