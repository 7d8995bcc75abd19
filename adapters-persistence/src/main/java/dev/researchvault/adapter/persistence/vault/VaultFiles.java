package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.FileKeys;
import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionPool;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;

/**
 * Opens the files of one vault: checks the key, migrates each file on a short-lived connection of its own
 * (docs/traps.md S10), then builds one connection pool per file.
 */
final class VaultFiles implements OpenVault.Opener {

    private final VaultLayout layout;
    private final SchemaMigrator migrator;
    private final MigrationGuard guard;
    private final SqlCipher.ConnectionSettings settings;
    private final int connectionsPerFile;
    private final int statementsPerConnection;
    private final Duration borrowTimeout;

    VaultFiles(VaultLayout layout, SchemaMigrator migrator, MigrationGuard guard, VaultConfiguration configuration) {
        this.layout = layout;
        this.migrator = migrator;
        this.guard = guard;
        this.settings = new SqlCipher.ConnectionSettings(configuration.getBusyTimeout().toMillis(),
                configuration.getPageCacheKib(), configuration.getBlobPageCacheKib());
        this.connectionsPerFile = configuration.getConnectionsPerFile();
        this.statementsPerConnection = configuration.getStatementsPerConnection();
        this.borrowTimeout = configuration.getBusyTimeout();
    }

    SqlCipher.ConnectionSettings settings() {
        return settings;
    }

    /**
     * Proves {@code key} on every file read-only first (a request may carry a session key that a password
     * change made stale, and a read-write connection with a wrong key destroys the WAL when it closes), then
     * migrates and pools them.
     */
    @Override
    public Map<VaultFile, ConnectionPool> open(UserId user, MasterKey key) throws SQLException {
        requireKeyOpensAll(user, key);
        Map<VaultFile, ConnectionPool> pools = new EnumMap<>(VaultFile.class);
        if (anyMigrationPending(user, key)) {
            guard.beforeMigrating(user, key);
        }
        try {
            for (VaultFile file : VaultFile.values()) {
                pools.put(file, openFile(user, key, file));
            }
            return pools;
        } catch (SQLException | RuntimeException failure) {
            pools.values().forEach(ConnectionPool::close);
            throw failure;
        }
    }

    /** Creates {@code file} of a new vault with the current schema. */
    void create(UserId user, MasterKey key, VaultFile file) throws SQLException {
        byte[] rawKey = FileKeys.derive(key, file);
        VaultLayout.createPrivateFile(layout.file(user, file));
        try (Connection connection = SqlCipher.open(layout.file(user, file), rawKey, file, settings)) {
            migrator.migrate(file, connection);
            if (file == VaultFile.VAULT) {
                UnwrittenBlobStore.recordAtCreation(connection);
            }
        } finally {
            java.util.Arrays.fill(rawKey, (byte) 0);
        }
    }

    /**
     * Whether {@code key} opens {@code vault.db}, checked on a fresh connection every time, even when the
     * vault is already open: a login then always costs one real open, the same as the decoy for unknown
     * users, so timing tells nothing.
     */
    boolean keyOpens(UserId user, MasterKey key) {
        Path path = existing(layout.file(user, VaultFile.VAULT));
        return SqlCipher.keyOpens(path, FileKeys.derive(key, VaultFile.VAULT), VaultFile.VAULT, settings);
    }

    private void requireKeyOpensAll(UserId user, MasterKey key) throws SQLException {
        if (!keyOpens(user, key)) {
            throw new SQLException("the key does not open the vault", null, SQLiteErrorCode.SQLITE_NOTADB.code);
        }
        Path blobs = existing(layout.file(user, VaultFile.BLOBS));
        if (!SqlCipher.keyOpens(blobs, FileKeys.derive(key, VaultFile.BLOBS), VaultFile.BLOBS, settings)) {
            // vault.db accepted the key, so this file is damaged rather than the password wrong.
            throw new UnavailableException("vault.damaged", "a file of the vault cannot be read");
        }
    }

    private static Path existing(Path path) {
        if (!Files.isRegularFile(path)) {
            // Never let SQLite create an empty file in place of a missing one.
            throw new UnavailableException("vault.missing", "the vault's files are missing");
        }
        return path;
    }

    private boolean anyMigrationPending(UserId user, MasterKey key) throws SQLException {
        for (VaultFile file : VaultFile.values()) {
            Path path = existing(layout.file(user, file));
            byte[] rawKey = FileKeys.derive(key, file);
            try (Connection connection = SqlCipher.openReadOnly(path, rawKey, file, settings)) {
                if (migrator.hasPending(file, connection)) {
                    return true;
                }
            } finally {
                java.util.Arrays.fill(rawKey, (byte) 0);
            }
        }
        return false;
    }

    private ConnectionPool openFile(UserId user, MasterKey key, VaultFile file) throws SQLException {
        Path path = existing(layout.file(user, file));
        KeyedFile keyed = new KeyedFile(path, FileKeys.derive(key, file), file, settings);
        try (Connection connection = keyed.open()) {
            migrator.migrate(file, connection);
        } catch (SQLException failure) {
            keyed.close();
            throw failure;
        }
        return new ConnectionPool(keyed, connectionsPerFile, borrowTimeout, statementsPerConnection);
    }
}
