package dev.researchvault.adapter.persistence.blob;

import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.blob.BlobDigest;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobUploads;
import dev.researchvault.domain.blob.StagedUpload;
import dev.researchvault.domain.blob.UploadLimit;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BlobUploads} in the bound user's {@code blobs.db}: a row of {@code blob_upload} and the upload's bytes as
 * chunks whose content id is the upload's id (schema V3). Crash order: each chunk in a write of its own (so the
 * writer turn is never held while the client's next bytes are awaited), the row with the first of them (so a crash
 * while the bytes arrive leaves a row that expires and takes its chunks along; until stop 18 the row had a write of
 * its own before, one commit more per upload), then size and digest (the upload is complete only now). Row and chunks
 * are committed without a sync; the completion's commit is synced, and syncing the WAL makes every earlier frame
 * durable with it, so an acknowledged upload has all its bytes on disk; a claim points a {@code blob} row at the
 * chunks and deletes the upload row in one transaction.
 */
@Singleton
final class SqliteBlobUploads implements BlobUploads {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteBlobUploads.class);

    private static final String INSERT = "INSERT INTO blob_upload (id, mime, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)";
    private static final String COMPLETE = "UPDATE blob_upload SET size = ?, sha256 = ? WHERE id = ?";
    private static final String SELECT_WAITING = "SELECT mime, name, size, sha256, expires_at FROM blob_upload"
            + " WHERE id = ? AND size IS NOT NULL AND expires_at > ?";
    private static final String DELETE = "DELETE FROM blob_upload WHERE id = ?";
    private static final String SELECT_EXPIRED = "SELECT id FROM blob_upload WHERE expires_at <= ?";
    private static final String DELETE_EXPIRED = "DELETE FROM blob_upload WHERE expires_at <= ? AND NOT ("
            + RetiredChunks.RETIRED + ")";

    @Override
    public StagedUpload stage(String mime, Optional<String> name, InputStream content, UploadLimit limit, Instant expiresAt) {
        BlobInfo.requireValidMime(mime);
        String id = UUID.randomUUID().toString();
        Row row = new Row(id, mime, name.orElse(null), Instant.now().toString(), expiresAt.toEpochMilli());
        BlobConnections.beforeAdding("upload");
        try {
            // Unsynced: the completion's synced commit makes every chunk durable before the upload is acknowledged,
            // and nothing can find the upload before that commit (docs/blobs.md). The row goes in with the first
            // chunk, so no chunk is ever without its row (a crash leaves a row that expires and takes them along).
            ChunkWriter.Written written = BlobConnections.translating("upload", () -> ChunkWriter.write(content, limit,
                    (seq, chunk) -> BlobConnections.writeUnsynced("upload", connection -> {
                        if (seq == 0) {
                            row.insert(connection);
                        }
                        Chunks.insert(connection, id, seq, chunk);
                        return null;
                    })));
            BlobConnections.write("upload", connection -> {
                if (written.size() == 0) {
                    row.insert(connection); // an empty file has no chunk to bring its row in
                }
                return complete(connection, id, written);
            });
            return new StagedUpload(UUID.fromString(id), new BlobInfo(mime, written.size(), written.digest()), name, expiresAt);
        } catch (RuntimeException failure) {
            discard(id);
            throw failure;
        }
    }

    @Override
    public Optional<StagedUpload> find(UUID id, Instant now) {
        return BlobConnections.read("upload", connection -> waiting(connection, id, now));
    }

    @Override
    public BlobInfo claim(UUID id, BlobKey key, Instant now) {
        return RetiredChunks.writeAtomically("claim", (connection, retirement) -> {
            StagedUpload upload = waiting(connection, id, now).orElseThrow(SqliteBlobUploads::notFound);
            BlobRows.replace(connection, retirement, key.value(), upload.info(), new byte[0], id.toString());
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, id.toString());
                delete.executeUpdate();
            }
            return upload.info();
        });
    }

    @Override
    public int removeExpired(Instant now) {
        if (BlobConnections.neverWritten("upload-expiry")) {
            return 0;
        }
        // The rows go in one write, their chunks after it a batch per write (RetiredChunks): an upload given up can be
        // gigabytes, and this runs right after a login. Contents a deletion retired and a kill left are taken too.
        return RetiredChunks.writeAtomically("upload-expiry", (connection, retirement) -> {
            List<String> expired = expiredIds(connection, now);
            int uploads;
            // The uploads' rows go now; a retired content keeps its row until its last chunk has gone.
            try (PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
                delete.setLong(1, now.toEpochMilli());
                uploads = delete.executeUpdate();
            }
            for (String id : expired) {
                retirement.of(connection, id);
            }
            return uploads;
        });
    }

    /** The ids of the rows expired by {@code now}: uploads, and contents already retired. */
    private static List<String> expiredIds(Connection connection, Instant now) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_EXPIRED)) {
            select.setLong(1, now.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** The {@code blob_upload} row of an upload whose bytes are still arriving (no size, no digest yet). */
    private record Row(String id, String mime, String name, String createdAt, long expiresAt) {

        void insert(Connection connection) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, id);
                insert.setString(2, mime);
                insert.setString(3, name);
                insert.setString(4, createdAt);
                insert.setLong(5, expiresAt);
                insert.executeUpdate();
            }
        }
    }

    private static Void complete(Connection connection, String id, ChunkWriter.Written written) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(COMPLETE)) {
            update.setLong(1, written.size());
            update.setString(2, written.digest().sha256Hex());
            update.setString(3, id);
            if (update.executeUpdate() == 0) {
                // Swept while its bytes still arrived: it outlived its expiry before it was even complete.
                throw new RuleViolationException("upload.expired", "the upload took longer than uploads are kept");
            }
        }
        return null;
    }

    private static Optional<StagedUpload> waiting(Connection connection, UUID id, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_WAITING)) {
            select.setString(1, id.toString());
            select.setLong(2, now.toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                BlobInfo info = new BlobInfo(row.getString("mime"), row.getLong("size"), new BlobDigest(row.getString("sha256")));
                return Optional.of(new StagedUpload(id, info, Optional.ofNullable(row.getString("name")),
                        Instant.ofEpochMilli(row.getLong("expires_at"))));
            }
        }
    }

    /**
     * Gives up an upload that failed: its row goes, its chunks are retired and removed a batch per write (a refused
     * upload can be gigabytes). Best effort: what is left expires and goes with the next sweep.
     */
    private static void discard(String id) {
        try {
            RetiredChunks.writeAtomically("upload-discard", (connection, retirement) -> {
                try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
                retirement.of(connection, id);
                return null;
            });
        } catch (RuntimeException failure) {
            LOG.warn("event=upload.discard-failed error={}", failure.getClass().getSimpleName());
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("upload.not-found", "no upload with this id is waiting to be used");
    }
}
