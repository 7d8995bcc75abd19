package dev.researchvault.adapter.persistence.blob;

import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.adapter.persistence.vault.SqliteErrors;
import dev.researchvault.adapter.persistence.vault.StorageFailures;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.blob.Blob;
import dev.researchvault.domain.blob.BlobDigest;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobStream;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BlobStore} in the {@code blob} table of the bound user's {@code blobs.db}. Each call borrows one
 * pooled connection and runs one statement (a few for large prefix batches, in one transaction).
 *
 * <p>Copies of the bytes, from reading the driver (sqlite-jdbc 3.40.1.0): {@code setBytes} hands the array
 * to SQLite, which copies it into native memory; {@code setBinaryStream(i, in, length)} would first read the
 * stream into a fresh array of {@code length} bytes and then do the same, so the port's stream variant does
 * that read itself. {@code getBytes} copies SQLite's native buffer into one new array, and
 * {@code getBinaryStream} is only {@code getBytes} wrapped in a {@code ByteArrayInputStream}: one heap copy
 * either way, which {@link #openStream} wraps without copying again.
 */
@Singleton
final class SqliteBlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteBlobStore.class);

    private static final String UPSERT = "INSERT INTO blob (key, mime, size, sha256, created_at, data) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET mime = excluded.mime, size = excluded.size, sha256 = excluded.sha256,"
            + " created_at = excluded.created_at, data = excluded.data";
    private static final String SELECT_INFO = "SELECT mime, size, sha256 FROM blob WHERE key = ?";
    private static final String SELECT_BLOB = "SELECT mime, size, sha256, data FROM blob WHERE key = ?";
    private static final String SELECT_DATA = "SELECT data FROM blob WHERE key = ?";
    private static final String SET_DIGEST = "UPDATE blob SET sha256 = ? WHERE key = ?";
    private static final String EXISTS = "SELECT 1 FROM blob WHERE key = ?";
    private static final String DELETE = "DELETE FROM blob WHERE key = ?";

    @Override
    public BlobInfo save(BlobKey key, String mime, byte[] data) {
        BlobInfo info = new BlobInfo(mime, data.length, BlobDigest.of(data));
        return withWriteConnection("save", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, key.value());
                upsert.setString(2, info.mime());
                upsert.setLong(3, info.size());
                upsert.setString(4, info.digest().sha256Hex());
                upsert.setString(5, Instant.now().toString());
                upsert.setBytes(6, data);
                upsert.executeUpdate();
            }
            return info;
        });
    }

    @Override
    public Optional<Blob> get(BlobKey key) {
        return withConnection("get", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_BLOB)) {
                select.setString(1, key.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    byte[] data = row.getBytes("data");
                    String digest = row.getString("sha256");
                    BlobDigest known = digest != null ? new BlobDigest(digest) : storeDigest(connection, key, data);
                    return Optional.of(new Blob(new BlobInfo(row.getString("mime"), row.getLong("size"), known), data));
                }
            }
        });
    }

    @Override
    public Optional<BlobStream> openStream(BlobKey key) {
        // The driver has no incremental BLOB reads: the bytes arrive as one array, which the stream wraps.
        return get(key).map(blob -> new BlobStream(blob.info(), new ByteArrayInputStream(blob.data())));
    }

    @Override
    public Optional<BlobInfo> info(BlobKey key) {
        return withConnection("info", connection -> {
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
        return withConnection("exists", connection -> {
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
        return withWriteConnection("delete", connection -> {
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
        return withWriteConnection("delete-by-prefix", connection -> PrefixDeletion.run(connection, ranges));
    }

    @Override
    public List<UUID> owners(Optional<UUID> after, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        return withConnection("owners", connection -> OwnerScan.run(connection, after, max));
    }

    /**
     * Computes and records the digest of a row carried over from schema V1 (which had none). Idempotent;
     * {@code data} is read again when the caller does not have it.
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

    /** Runs {@code work} on a connection to the bound blobs.db; storage failures become 503s. */
    private static <T> T withConnection(String operation, SqlWork<T> work) {
        return run(operation, () -> CurrentVault.connection(VaultFile.BLOBS), work);
    }

    /**
     * Runs a write on a connection to the bound blobs.db taken after waiting for the file's writer turn, so
     * concurrent saves and deletions of one user queue in arrival order rather than race in SQLite's busy
     * handler. (The digest a V1 row gets on its first read is written on the reading connection, outside the
     * turn: waiting for a turn while holding a connection could starve the turn's holder of one; that single
     * statement waits in SQLite's busy handler instead.)
     */
    private static <T> T withWriteConnection(String operation, SqlWork<T> work) {
        return run(operation, () -> CurrentVault.writeConnection(VaultFile.BLOBS), work);
    }

    /**
     * Runs {@code work} on a connection from {@code connections}. A busy file (no turn, or no SQLite lock,
     * within the busy timeout) is {@code vault.busy}, which asks the client to try again; any other failure is
     * {@code blob.unavailable}.
     */
    private static <T> T run(String operation, ConnectionSupplier connections, SqlWork<T> work) {
        try (Connection connection = connections.get()) {
            return work.run(connection);
        } catch (SQLException failure) {
            // Error code and state only: messages can quote SQL or values.
            LOG.warn("event=blob.failed operation={} errorCode={} sqlState={}", operation, failure.getErrorCode(),
                    failure.getSQLState());
            if (SqliteErrors.isBusy(failure)) {
                throw StorageFailures.busy();
            }
            throw new UnavailableException("blob.unavailable", "the file store is unavailable right now");
        }
    }

    @FunctionalInterface
    private interface ConnectionSupplier {
        Connection get() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
