package dev.researchvault.adapter.persistence.vault.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One borrower's handle on a statement kept by a {@link StatementCachingConnection}. Closing the handle gives the
 * statement back for reset and reuse instead of finalizing it; the handle itself stays closed, so a borrower
 * that kept a reference cannot run the statement someone else now holds. It remembers the result set it handed
 * out, because closing that is what resets the SQLite statement.
 */
final class CachedPreparedStatement extends DelegatingPreparedStatement {

    private final StatementCachingConnection.Kept kept;
    private final StatementCachingConnection owner;
    private ResultSet results;
    private boolean closed;

    CachedPreparedStatement(StatementCachingConnection.Kept kept, StatementCachingConnection owner) {
        super(kept.statement());
        this.kept = kept;
        this.owner = owner;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        ensureOpen();
        results = delegate.executeQuery();
        return results;
    }

    @Override
    public boolean execute() throws SQLException {
        ensureOpen();
        return delegate.execute();
    }

    @Override
    public int executeUpdate() throws SQLException {
        ensureOpen();
        return delegate.executeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        ensureOpen();
        return delegate.executeLargeUpdate();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        ensureOpen();
        return delegate.executeBatch();
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        ensureOpen();
        ResultSet current = delegate.getResultSet();
        if (current != null) {
            results = current;
        }
        return current;
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed || delegate.isClosed();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owner.giveBack(kept, results);
            results = null;
        }
    }

    private void ensureOpen() throws SQLException {
        if (closed) {
            throw new SQLException("statement is closed");
        }
    }
}
