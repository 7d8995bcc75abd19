package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.application.health.StorageHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;

/**
 * Checks the storage for real: writes a file in the data directory, then creates an encrypted database,
 * writes a row, reopens it with the key and reads the row back. Leaves nothing behind.
 */
public final class VaultEngineProbe implements StorageHealth {

    private final VaultLayout layout;
    private final SqlCipher.ConnectionSettings settings;

    public VaultEngineProbe(VaultLayout layout, VaultConfiguration configuration) {
        this.layout = layout;
        this.settings = new SqlCipher.ConnectionSettings(configuration.getBusyTimeout().toMillis(),
                configuration.getPageCacheKib());
    }

    @Override
    public Report check() {
        boolean writable = dataDirectoryWritable();
        return new Report(writable, writable && encryptionWorks());
    }

    private boolean dataDirectoryWritable() {
        try {
            VaultLayout.createPrivateDirectories(layout.dataDir());
            Path probe = Files.createTempFile(layout.dataDir(), ".probe-", ".tmp");
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException failure) {
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
            // A probe file we cannot delete is harmless: it holds one word under a forgotten key.
        }
    }
}
