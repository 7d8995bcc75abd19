package dev.researchvault.adapter.persistence.blob;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunks of deleted and replaced files, removed after the deleting transaction has committed, {@link #PER_WRITE}
 * at a time, each batch in a write of its own.
 *
 * <p>Why not in the deleting transaction: the driver's SQLite zeroes every freed page ({@code SQLITE_SECURE_DELETE} is
 * compiled in), and a zeroed page costs what a written one does (cipher, WAL, checkpoint). Deleting a 1 GiB file in one
 * transaction held the owner's blobs.db writer turn for 11 s, and another upload of the same user waited for it and
 * failed with 503 {@code vault.busy} (docs/benchmarks.md, "Streamed files at 10 MiB: what the gap was"). In batches,
 * other writes get their turn in between, and the zeroing is kept.
 *
 * <p>Crash order: the deleting transaction removes (or replaces) the file's row and <em>retires</em> its content in
 * the same commit: it writes a {@code blob_upload} row for the content id that has already expired (size NULL, expiry
 * 0). Such a row is never found or claimed (both need a size), counts for no quota (no size), and is what the
 * expired-upload sweep ({@link SqliteBlobUploads#removeExpired}: after every login, and on vacuum) deletes with its
 * chunks. So chunks left by a kill between two batches are swept there; otherwise the last batch deletes the row. A
 * content id is never an upload's while a file has it (a claim deletes the upload's row in the transaction that gives
 * the file its content), so the two kinds of row never meet.
 */
final class RetiredChunks {

    private static final Logger LOG = LoggerFactory.getLogger(RetiredChunks.class);

    /** 16 MiB of chunks per write: ≈ 0.2 s of zeroing on this machine's cipher, the longest another writer waits. */
    static final int PER_WRITE = 16;

    /** What tells a retired content's {@code blob_upload} row from an upload's (an upload's expiry is never 0). */
    static final String RETIRED = "expires_at = 0 AND size IS NULL";

    private static final String SELECT_CONTENT = "SELECT content FROM blob WHERE key = ? AND content IS NOT NULL";
    private static final String RETIRE = "INSERT OR IGNORE INTO blob_upload (id, mime, created_at, expires_at)"
            + " VALUES (?, 'application/octet-stream', ?, 0)";
    private static final String DELETE_SOME = "DELETE FROM blob_chunk WHERE content = ? AND seq IN"
            + " (SELECT seq FROM blob_chunk WHERE content = ? ORDER BY seq LIMIT ?)";
    private static final String FORGET = "DELETE FROM blob_upload WHERE id = ? AND " + RETIRED;

    private RetiredChunks() {
    }

    /** A write that may retire chunks; what it retires is removed once it has committed. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, Retirement retirement) throws SQLException;
    }

    /** What one write retires: recorded in blobs.db with the write, remembered here to remove after its commit. */
    static final class Retirement {

        private final List<String> contents = new ArrayList<>();

        /** Retires the chunks of the file now under {@code key}, if it is chunked. */
        void ofKey(Connection connection, String key) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(SELECT_CONTENT)) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        of(connection, row.getString(1));
                    }
                }
            }
        }

        /** Retires the chunks of {@code content}. */
        void of(Connection connection, String content) throws SQLException {
            try (PreparedStatement retire = connection.prepareStatement(RETIRE)) {
                retire.setString(1, content);
                retire.setString(2, Instant.now().toString());
                retire.executeUpdate();
            }
            contents.add(content);
        }
    }

    /** Runs {@code work} in one write transaction, then removes the chunks it retired, a batch per write. */
    static <T> T writeAtomically(String operation, Work<T> work) {
        Retirement retirement = new Retirement();
        T result = BlobConnections.writeAtomically(operation, connection -> work.run(connection, retirement));
        remove(operation, retirement.contents);
        return result;
    }

    /**
     * Best effort: the deletion has committed whatever this meets, and what a failure leaves is swept with the expired
     * uploads.
     */
    private static void remove(String operation, List<String> contents) {
        try {
            for (String content : contents) {
                int removed;
                do {
                    removed = BlobConnections.writeAtomically(operation, connection -> removeSome(connection, content));
                } while (removed == PER_WRITE);
            }
        } catch (RuntimeException failure) {
            LOG.warn("event=blob.chunks-left operation={} error={}", operation, failure.getClass().getSimpleName());
        }
    }

    /** One batch; the one that finds fewer than a full batch left also deletes the retired content's row. */
    private static int removeSome(Connection connection, String content) throws SQLException {
        int removed;
        try (PreparedStatement delete = connection.prepareStatement(DELETE_SOME)) {
            delete.setString(1, content);
            delete.setString(2, content);
            delete.setInt(3, PER_WRITE);
            removed = delete.executeUpdate();
        }
        if (removed < PER_WRITE) {
            try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
                forget.setString(1, content);
                forget.executeUpdate();
            }
        }
        return removed;
    }
}
