package dev.researchvault.adapter.persistence.account;

import dev.researchvault.adapter.persistence.vault.ConnectionPool;
import dev.researchvault.adapter.persistence.vault.FlywaySchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.sqlite.SQLiteConfig;

/**
 * The connections of {@code registry.db}: a small pool in WAL mode, migrated once, where every account
 * change is followed by a checkpoint ({@link WalCheckpoint}) so the main file alone holds every account.
 */
final class RegistryConnections implements AutoCloseable {

    /** Work on one borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final ConnectionPool pool;
    private final Duration busyTimeout;

    RegistryConnections(Path registryFile, Duration busyTimeout, UnaryOperator<Connection> opened) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        String url = "jdbc:sqlite:" + registryFile.toAbsolutePath();
        this.pool = new ConnectionPool(() -> opened.apply(config.createConnection(url)), 4, busyTimeout);
        this.busyTimeout = busyTimeout;
        change(connection -> {
            FlywaySchemaMigrator.migrate("classpath:db/registry", connection);
            return null;
        });
    }

    /** Runs {@code work} on a pooled connection. */
    <T> T read(Work<T> work) throws SQLException {
        try (Connection connection = pool.borrow()) {
            return work.apply(connection);
        }
    }

    /**
     * Runs an account change (committed when {@code work} returns), then checkpoints on the same connection.
     * A checkpoint that cannot complete is logged, never thrown: the change itself is durable in the WAL.
     */
    <T> T change(Work<T> work) throws SQLException {
        try (Connection connection = pool.borrow()) {
            T result = work.apply(connection);
            WalCheckpoint.fold(connection, busyTimeout);
            return result;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
