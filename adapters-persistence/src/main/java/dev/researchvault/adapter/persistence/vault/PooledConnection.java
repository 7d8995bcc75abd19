package dev.researchvault.adapter.persistence.vault;

import java.sql.Connection;
import java.sql.SQLException;

/** A borrowed connection: closing it rolls back what was left open and returns it to its pool. */
final class PooledConnection extends DelegatingConnection {

    private final ConnectionPool pool;
    private boolean returned;

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
        boolean healthy = true;
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

    @Override
    public boolean isClosed() throws SQLException {
        return returned || delegate.isClosed();
    }
}
