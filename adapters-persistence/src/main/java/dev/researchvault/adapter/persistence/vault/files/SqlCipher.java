package dev.researchvault.adapter.persistence.vault.files;

import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.domain.UnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.mc.SQLiteMCConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * How every encrypted file is opened: SQLCipher 4 defaults (AES-256-CBC, HMAC-SHA512), the page size of
 * the kind of file ({@link VaultFile#pageSizes()}: 4096 for vault.db, the SQLCipher default, 16384 for
 * blobs.db) and a raw 32-byte key, so no SQLCipher KDF runs per connection. The key goes through the driver's
 * configuration object, never a URL or a first {@code PRAGMA key} (docs/traps.md S3, S4, S11).
 */
public final class SqlCipher {

    /** SQLCipher 4's page size, the one its defaults (and {@code sqlcipher} without pragmas) use. */
    public static final int DEFAULT_PAGE_SIZE = 4096;

    private SqlCipher() {
    }

    /**
     * Opens (creating when missing) one of a vault's encrypted files with WAL, foreign keys and a busy timeout,
     * trying each page size the kind of file may have ({@link VaultFile#pageSizes()}): a page size that is not
     * the file's fails the HMAC of page 1 exactly like a wrong key does.
     */
    public static Connection open(Path file, byte[] rawKey, VaultFile kind, ConnectionSettings settings)
            throws SQLException {
        return open(file, rawKey, kind, settings, false);
    }

    /**
     * Opens an existing file so that nothing can be written through the connection: for proving a key that
     * may be wrong, and for reading copies. A read-write connection opened with a wrong key fails, and on
     * close checkpoints a WAL it could not decrypt over the main file and deletes it (LIFECYCLE.md,
     * "Checkpoint on close"): after an unclean stop that destroys every row still in the WAL. A read-only
     * connection cannot checkpoint, so it leaves the main file and the WAL as they were.
     */
    public static Connection openReadOnly(Path file, byte[] rawKey, VaultFile kind, ConnectionSettings settings)
            throws SQLException {
        return open(file, rawKey, kind, settings, true);
    }

    private static Connection open(Path file, byte[] rawKey, VaultFile kind, ConnectionSettings settings,
                                   boolean readOnly) throws SQLException {
        List<Integer> pageSizes = kind.pageSizes();
        for (int attempt = 0; ; attempt++) {
            try {
                return open(file, rawKey, pageSizes.get(attempt), settings.pageCacheKiB(kind), settings, readOnly);
            } catch (SQLException failure) {
                if (attempt + 1 == pageSizes.size() || !isWrongKey(failure)) {
                    throw failure;
                }
            }
        }
    }

    /** Opens (creating when missing) an encrypted file of the given SQLCipher page size and page cache. */
    private static Connection open(Path file, byte[] rawKey, int pageSize, int pageCacheKiB,
                                   ConnectionSettings settings, boolean readOnly) throws SQLException {
        SQLiteMCSqlCipherConfig cipher = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(rawKey);
        if (pageSize != DEFAULT_PAGE_SIZE) {
            cipher.setLegacyPageSize(pageSize);
        }
        SQLiteMCConfig config = cipher.build();
        if (!readOnly) {
            // Setting a journal mode writes the header; a read-only connection uses the file's own mode.
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        // FULL: a commit the client saw acknowledged survives a power cut, not only a process crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) settings.busyTimeoutMillis());
        config.setCacheSize(-pageCacheKiB);
        config.setReadOnly(readOnly);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /**
     * Whether {@code rawKey} is the key of {@code file}. Opening runs the driver's start-up pragmas, which
     * read page 1 and check its HMAC: a wrong key fails there with SQLITE_NOTADB. Once page 1 has verified,
     * the key is proven even if a later page is damaged, so the owner can still log in, check integrity and
     * restore a backup. The file is opened read-only ({@link #openReadOnly}): a key not yet proven must never
     * write. Wipes {@code rawKey}.
     *
     * @throws UnavailableException {@code vault.damaged} when the file cannot be opened for another reason
     */
    public static boolean keyOpens(Path file, byte[] rawKey, VaultFile kind, ConnectionSettings settings) {
        Connection connection;
        try {
            connection = openReadOnly(file, rawKey, kind, settings);
        } catch (SQLException failure) {
            if (isWrongKey(failure)) {
                return false;
            }
            if ((failure.getErrorCode() & 0xFF) == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                // Start-up read the schema past page 1: page 1 decrypted (a wrong key fails it with
                // SQLITE_NOTADB), so the key is right and a later page is damaged.
                return true;
            }
            throw new UnavailableException("vault.damaged", "the vault's files cannot be read");
        } finally {
            java.util.Arrays.fill(rawKey, (byte) 0);
        }
        try (connection; java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SELECT count(*) FROM sqlite_master");
        } catch (SQLException laterPageDamaged) {
            // Page 1 already proved the key; the damage is for the integrity check to report.
        }
        return true;
    }

    /** True when opening failed because the key is not the file's key (or the file is no database). */
    public static boolean isWrongKey(SQLException failure) {
        return failure.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    /**
     * The URI a {@code VACUUM INTO} statement writes an encrypted copy to. Only ever built from a path of our
     * own and hex digits, because it ends up inside SQL text (docs/traps.md S7).
     */
    public static String encryptedTargetUri(Path target, byte[] rawKey) {
        String path = target.toAbsolutePath().toString();
        if (path.contains("'") || path.contains("?") || path.contains("#") || path.contains("%")) {
            throw new IllegalArgumentException("unsupported character in the data directory path");
        }
        return "file:" + path + "?cipher=sqlcipher&legacy=4&key=x%27" + HexFormat.of().formatHex(rawKey) + "%27";
    }

    /**
     * Per-connection settings that come from configuration.
     *
     * @param pageCacheKiB SQLite page cache of a vault.db connection
     * @param blobPageCacheKiB page cache of a blobs.db connection: smaller, because a blob larger than any
     *        sensible cache passes through it anyway, and each open vault pays for it in native memory
     */
    public record ConnectionSettings(long busyTimeoutMillis, int pageCacheKiB, int blobPageCacheKiB) {

        public static final int DEFAULT_BLOB_PAGE_CACHE_KIB = 128;

        public ConnectionSettings(long busyTimeoutMillis, int pageCacheKiB) {
            this(busyTimeoutMillis, pageCacheKiB, DEFAULT_BLOB_PAGE_CACHE_KIB);
        }

        int pageCacheKiB(VaultFile kind) {
            return kind == VaultFile.BLOBS ? blobPageCacheKiB : pageCacheKiB;
        }
    }
}
