package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.application.health.StorageHealth;
import dev.researchvault.application.health.StorageHealth.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Checks the storage for real: writes a file in the data directory, then creates an encrypted database,
 * writes a row, reopens it with the key and reads the row back. Leaves nothing behind, whatever fails, and
 * never changes the directory's permissions (it only creates the directory when it is missing).
 */
public final class VaultEngineProbe implements StorageHealth {

    /** Below this, SQLite cannot even create the shared-memory index (32 KiB) it needs to open a database. */
    private static final long NEARLY_NO_SPACE = 64 * 1024;

    private final VaultLayout layout;
    private final SqlCipher.ConnectionSettings settings;

    public VaultEngineProbe(VaultLayout layout, VaultConfiguration configuration) {
        this.layout = layout;
        this.settings = new SqlCipher.ConnectionSettings(configuration.getBusyTimeout().toMillis(),
                configuration.getPageCacheKib(), configuration.getBlobPageCacheKib());
    }

    @Override
    public Report check() {
        Storage storage = storage();
        return new Report(storage, storage == Storage.WRITABLE && encryptionWorks());
    }

    private Storage storage() {
        Path dataDir = layout.dataDir();
        try {
            VaultLayout.createPrivateDirectories(dataDir);
        } catch (UncheckedIOException | SecurityException cannotCreate) {
            return Storage.MISSING;
        }
        if (!Files.isDirectory(dataDir)) {
            return Storage.MISSING;
        }
        return markedReadOnly(dataDir) ? Storage.READ_ONLY : writeProbe(dataDir);
    }

    /** No owner write bit: the operator's read-only mode, which root would otherwise write through. */
    private static boolean markedReadOnly(Path dataDir) {
        try {
            return !Files.getPosixFilePermissions(dataDir).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException notPosix) {
            return false;
        }
    }

    private static Storage writeProbe(Path dataDir) {
        Path probe = null;
        try {
            probe = Files.createTempFile(dataDir, ".probe-", ".tmp");
            Files.write(probe, new byte[] {1});
            return Storage.WRITABLE;
        } catch (IOException | RuntimeException failure) {
            return noSpace(dataDir, failure) ? Storage.FULL : Storage.READ_ONLY;
        } finally {
            if (probe != null) {
                deleteQuietly(probe);
            }
        }
    }

    /**
     * ENOSPC or EDQUOT. The JDK reports them only as text (localised by the C library), so the free space
     * decides too; a permission refusal is typed and never counts as full.
     */
    private static boolean noSpace(Path dataDir, Exception failure) {
        if (failure instanceof AccessDeniedException) {
            return false;
        }
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("no space left") || message.contains("quota")) {
            return true;
        }
        try {
            return Files.getFileStore(dataDir).getUsableSpace() < NEARLY_NO_SPACE;
        } catch (IOException unknown) {
            return false;
        }
    }

    private boolean encryptionWorks() {
        Path probe = layout.dataDir().resolve(".probe-" + UUID.randomUUID() + ".db");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            try (Connection connection = SqlCipher.open(probe, key, VaultFile.BLOBS, settings);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE probe(value TEXT)");
                statement.execute("INSERT INTO probe VALUES ('ok')");
            }
            try (Connection connection = SqlCipher.open(probe, key, VaultFile.BLOBS, settings);
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT value FROM probe")) {
                return row.next() && "ok".equals(row.getString(1));
            }
        } catch (SQLException | RuntimeException failure) {
            return false;
        } finally {
            Arrays.fill(key, (byte) 0);
            VaultLayout.withCompanions(probe).forEach(VaultEngineProbe::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A probe file we cannot delete is harmless: it holds one byte, or one word under a forgotten key.
        }
    }
}
