package dev.researchvault.adapter.persistence.account;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies every frame of the registry's WAL into {@code registry.db} ({@code PRAGMA wal_checkpoint(FULL)}).
 * Without it the accounts lived only in {@code registry.db-wal} until SQLite's automatic checkpoint at
 * 1000 pages, so a copy or restore of {@code registry.db} alone, or a lost {@code -wal}, lost accounts.
 */
final class WalCheckpoint {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoint.class);

    /** A FULL checkpoint waits for readers of older snapshots; registry reads take milliseconds. */
    private static final Duration WAIT_PER_ATTEMPT = Duration.ofMillis(200);
    private static final int ATTEMPTS = 3;

    private WalCheckpoint() {
    }

    /**
     * Checkpoints on {@code connection} (the one that just committed), retrying briefly while readers hold
     * older snapshots, then logging: the caller's change is already committed and durable in the WAL, and
     * the next change tries again.
     *
     * @throws SQLException when the checkpoint itself fails (I/O error, read-only file)
     */
    static void fold(Connection connection, Duration busyTimeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + WAIT_PER_ATTEMPT.toMillis());
            try {
                foldWithRetries(statement);
            } finally {
                statement.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            }
        }
    }

    private static void foldWithRetries(Statement statement) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(FULL)")) {
                result.next();
                // One row: busy (1 when blocked from completing), frames in the WAL, frames checkpointed.
                int busy = result.getInt(1);
                int frames = result.getInt(2);
                int checkpointed = result.getInt(3);
                if (busy == 0 && checkpointed == frames) {
                    return;
                }
                if (attempt == ATTEMPTS) {
                    LOG.warn("event=registry.checkpoint-incomplete busy={} frames={} checkpointed={}",
                            busy, frames, checkpointed);
                    return;
                }
            }
        }
    }
}
