package dev.researchvault.adapter.persistence.vault.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/** A borrowed connection that holds its file's writer turn: closing it returns the connection, then ends the turn. */
public final class TurnHoldingConnection extends DelegatingConnection {

    private final ReentrantLock turn;
    private boolean closed;

    public TurnHoldingConnection(Connection delegate, ReentrantLock turn) {
        super(delegate);
        this.turn = turn;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            delegate.close();
        } finally {
            turn.unlock();
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed || delegate.isClosed();
    }
}
