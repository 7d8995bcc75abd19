package dev.researchvault.adapter.persistence.blob;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code blob_chunk} table: the bytes of a large file as rows (content, seq) of {@link #SIZE} bytes each but
 * the last (see {@code V3__blob_chunks.sql} and docs/blobs.md, "Chunks", for the size chosen).
 */
final class Chunks {

    /**
     * 1 MiB: one chunk is the most of a file any statement reads or writes, and the buffer each transfer holds; a
     * 2 GiB file is 2,048 rows. Smaller chunks cost more statements (and commits, for uploads) per file; see
     * docs/blobs.md for the measurements.
     */
    static final int SIZE = 1024 * 1024;

    private static final String INSERT = "INSERT INTO blob_chunk (content, seq, data) VALUES (?, ?, ?)";
    private static final String SELECT = "SELECT data FROM blob_chunk WHERE content = ? AND seq = ?";

    private Chunks() {
    }

    /** A fresh content id: never reused, so a reader pinned to one never meets another version's bytes. */
    static String newContent() {
        return UUID.randomUUID().toString();
    }

    static void insert(Connection connection, String content, long seq, byte[] data) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, content);
            insert.setLong(2, seq);
            insert.setBytes(3, data);
            insert.executeUpdate();
        }
    }

    /** Chunk {@code seq} of {@code content}; empty when it is gone (the file was replaced or deleted). */
    static Optional<byte[]> read(Connection connection, String content, long seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, content);
            select.setLong(2, seq);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** How many bytes chunk {@code seq} of a file of {@code size} bytes holds. */
    static int length(long size, long seq) {
        return (int) Math.min(SIZE, size - seq * SIZE);
    }
}
