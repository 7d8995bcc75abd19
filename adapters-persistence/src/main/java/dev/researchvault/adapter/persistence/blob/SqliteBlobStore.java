package dev.researchvault.adapter.persistence.blob;

import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.domain.LimitExceededException;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.blob.Blob;
import dev.researchvault.domain.blob.BlobDigest;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobStream;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link BlobStore} in the bound user's {@code blobs.db}: a file of up to one chunk is one row of {@code blob} with
 * its bytes inline; a larger one is a {@code blob} row for its metadata and its bytes in {@link Chunks} (schema V3,
 * docs/blobs.md "Chunks"). A save runs in one transaction; a file saved from a stream or above one chunk is written a
 * chunk at a time ({@link ChunkWriter}), and {@link #openStream} of a chunked file reads a chunk at a time
 * ({@link ChunkStream}), so neither holds more than one chunk of it.
 *
 * <p>Copies of the bytes, from reading the driver (sqlite-jdbc 3.40.1.0): {@code setBytes} hands the array to
 * SQLite, which copies it into native memory; {@code getBytes} copies SQLite's native buffer into one new array.
 * The driver has no incremental BLOB I/O, hence chunks.
 */
@Singleton
final class SqliteBlobStore implements BlobStore {

    private static final byte[] NO_BYTES = new byte[0];

    private static final String SELECT_INFO = "SELECT mime, size, sha256 FROM blob WHERE key = ?";
    private static final String SELECT_BLOB = "SELECT mime, size, sha256, content, data FROM blob WHERE key = ?";
    private static final String SELECT_DATA = "SELECT data FROM blob WHERE key = ?";
    private static final String SET_DIGEST = "UPDATE blob SET sha256 = ? WHERE key = ?";
    private static final String EXISTS = "SELECT 1 FROM blob WHERE key = ?";
    private static final String DELETE = "DELETE FROM blob WHERE key = ?";

    @Override
    public BlobInfo save(BlobKey key, String mime, byte[] data) {
        if (data.length > Chunks.SIZE) {
            return saveChunked(key, mime, data.length, new ByteArrayInputStream(data));
        }
        BlobInfo info = new BlobInfo(mime, data.length, BlobDigest.of(data));
        BlobConnections.beforeAdding("save");
        return RetiredChunks.writeAtomically("save", (connection, retirement) -> {
            BlobRows.replace(connection, retirement, key.value(), info, data, null);
            return info;
        });
    }

    @Override
    public BlobInfo save(BlobKey key, String mime, long size, InputStream content) {
        if (size <= Chunks.SIZE) {
            return BlobStore.super.save(key, mime, size, content);
        }
        return saveChunked(key, mime, size, content);
    }

    /** Writes {@code size} bytes of {@code content} as chunks, then the row, in one transaction. */
    private BlobInfo saveChunked(BlobKey key, String mime, long size, InputStream content) {
        BlobInfo.requireValidMime(mime);
        String contentId = Chunks.newContent();
        BlobConnections.beforeAdding("save");
        return RetiredChunks.writeAtomically("save", (connection, retirement) -> {
            ChunkWriter.Written written = ChunkWriter.write(content, soFar -> {
                if (soFar > size) {
                    throw sizeMismatch("longer");
                }
            }, (seq, chunk) -> Chunks.insert(connection, contentId, seq, chunk));
            if (written.size() < size) {
                throw sizeMismatch("shorter");
            }
            BlobInfo info = new BlobInfo(mime, size, written.digest());
            BlobRows.replace(connection, retirement, key.value(), info, NO_BYTES, contentId);
            return info;
        });
    }

    @Override
    public Optional<Blob> get(BlobKey key) {
        return BlobConnections.read("get", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_BLOB)) {
                select.setString(1, key.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String content = row.getString("content");
                    long size = row.getLong("size");
                    byte[] data = content == null ? row.getBytes("data") : gather(connection, content, size);
                    String digest = row.getString("sha256");
                    BlobDigest known = digest != null ? new BlobDigest(digest) : storeDigest(connection, key, data);
                    return Optional.of(new Blob(new BlobInfo(row.getString("mime"), size, known), data));
                }
            }
        });
    }

    @Override
    public Optional<BlobStream> openStream(BlobKey key) {
        Optional<BlobRows.Chunked> chunked = BlobConnections.read("open", connection -> BlobRows.chunked(connection, key.value()));
        if (chunked.isEmpty()) {
            // None, or a file of one chunk or stored before chunks: its bytes are one row, read whole as before.
            return get(key).map(blob -> new BlobStream(blob.info(), new ByteArrayInputStream(blob.data())));
        }
        BlobRows.Chunked file = chunked.get();
        return Optional.of(new BlobStream(file.info(), new ChunkStream(retained(), file.content(), file.info().size())));
    }

    /** The bound vault, kept open for a stream that is read after this call's vault scope. */
    private static CurrentVault.Retained retained() {
        return BlobConnections.translating("open", CurrentVault::retain);
    }

    @Override
    public Optional<BlobInfo> info(BlobKey key) {
        return BlobConnections.read("info", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_INFO)) {
                select.setString(1, key.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String digest = row.getString("sha256");
                    BlobDigest known = digest != null ? new BlobDigest(digest) : storeDigest(connection, key, null);
                    return Optional.of(new BlobInfo(row.getString("mime"), row.getLong("size"), known));
                }
            }
        });
    }

    @Override
    public boolean exists(BlobKey key) {
        return BlobConnections.read("exists", connection -> {
            try (PreparedStatement select = connection.prepareStatement(EXISTS)) {
                select.setString(1, key.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    @Override
    public boolean delete(BlobKey key) {
        return RetiredChunks.writeAtomically("delete", (connection, retirement) -> {
            retirement.ofKey(connection, key.value());
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, key.value());
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int deleteByPrefixes(Collection<String> prefixes) {
        List<KeyPrefixes.Range> ranges = KeyPrefixes.ranges(prefixes);
        if (ranges.isEmpty()) {
            return 0;
        }
        return RetiredChunks.writeAtomically("delete-by-prefix",
                (connection, retirement) -> PrefixDeletion.run(connection, retirement, ranges));
    }

    @Override
    public List<UUID> owners(Optional<UUID> after, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        if (BlobConnections.neverWritten("owners")) {
            return List.of();
        }
        return BlobConnections.read("owners", connection -> OwnerScan.run(connection, after, max));
    }

    /** The chunks of {@code content} in one array: {@link #get} of a chunked file. */
    private static byte[] gather(Connection connection, String content, long size) throws SQLException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new LimitExceededException("blob.too-large", "the file is too large to read whole; stream it");
        }
        byte[] data = new byte[(int) size];
        for (long seq = 0; seq * Chunks.SIZE < size; seq++) {
            byte[] chunk = Chunks.read(connection, content, seq)
                    .orElseThrow(() -> new SQLException("a chunk of a stored file is missing"));
            System.arraycopy(chunk, 0, data, (int) (seq * Chunks.SIZE), chunk.length);
        }
        return data;
    }

    /**
     * Computes and records the digest of a row carried over from schema V1 (which had none; such a row is never
     * chunked). Idempotent; {@code data} is read again when the caller does not have it.
     */
    private static BlobDigest storeDigest(Connection connection, BlobKey key, byte[] data) throws SQLException {
        byte[] bytes = data != null ? data : readData(connection, key);
        BlobDigest digest = BlobDigest.of(bytes);
        try (PreparedStatement update = connection.prepareStatement(SET_DIGEST)) {
            update.setString(1, digest.sha256Hex());
            update.setString(2, key.value());
            update.executeUpdate();
        }
        return digest;
    }

    private static byte[] readData(Connection connection, BlobKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_DATA)) {
            select.setString(1, key.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("blob vanished while its digest was computed");
                }
                return row.getBytes(1);
            }
        }
    }

    private static RuleViolationException sizeMismatch(String how) {
        return new RuleViolationException("blob.size-mismatch", "the content is " + how + " than its announced size");
    }
}
