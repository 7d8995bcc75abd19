package dev.researchvault.adapter.persistence.vault.jdbc;

import java.sql.Connection;

/** Lends one connection to a library (Flyway) that closes what it is given; the owner closes it later. */
public final class UnclosableConnection extends DelegatingConnection {

    public UnclosableConnection(Connection delegate) {
        super(delegate);
    }

    @Override
    public void close() {
        // The owner of the underlying connection closes it.
    }
}
