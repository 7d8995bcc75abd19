package dev.researchvault.adapter.persistence.blob;

import dev.researchvault.domain.blob.BlobDigest;
import dev.researchvault.domain.blob.BlobInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Rows of the {@code blob} table written and located for both kinds of file: inline and chunked. */
final class BlobRows {

    private static final String UPSERT = "INSERT INTO blob (key, mime, size, sha256, created_at, data, content)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET mime = excluded.mime, size = excluded.size, sha256 = excluded.sha256,"
            + " created_at = excluded.created_at, data = excluded.data, content = excluded.content";
    private static final String SELECT_CHUNKED = "SELECT mime, size, sha256, content FROM blob WHERE key = ? AND content IS NOT NULL";

    private BlobRows() {
    }

    /** A file stored in chunks: its metadata and the id of its chunks. */
    record Chunked(BlobInfo info, String content) {
    }

    /**
     * Stores the row of {@code key}, retiring the chunks of the file it replaces, if any (removed after the commit:
     * {@link RetiredChunks}). Call inside that write's transaction, so the old chunks are given up exactly when the new
     * row comes.
     *
     * @param data    the bytes of an inline file, empty for a chunked one
     * @param content the chunks' id of a chunked file, null for an inline one
     */
    static void replace(Connection connection, RetiredChunks.Retirement retirement, String key, BlobInfo info, byte[] data,
                        String content) throws SQLException {
        retirement.ofKey(connection, key);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, key);
            upsert.setString(2, info.mime());
            upsert.setLong(3, info.size());
            upsert.setString(4, info.digest().sha256Hex());
            upsert.setString(5, Instant.now().toString());
            upsert.setBytes(6, data);
            upsert.setString(7, content);
            upsert.executeUpdate();
        }
    }

    /** The file under {@code key} when it is stored in chunks; empty when there is none or it is inline. */
    static Optional<Chunked> chunked(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_CHUNKED)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                // A chunked row always has its digest: only V1 rows lack one, and they are all inline.
                BlobInfo info = new BlobInfo(row.getString("mime"), row.getLong("size"), new BlobDigest(row.getString("sha256")));
                return Optional.of(new Chunked(info, row.getString("content")));
            }
        }
    }
}
