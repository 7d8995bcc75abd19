package dev.researchvault.adapter.persistence.vault;

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

/**
 * Opens the files of one vault: checks the key, migrates each file on a short-lived connection of its own
 * (STACK.md trap 10), then builds one connection pool per file.
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
                configuration.getPageCacheKib());
        this.connectionsPerFile = configuration.getConnectionsPerFile();
        this.statementsPerConnection = configuration.getStatementsPerConnection();
        this.borrowTimeout = configuration.getBusyTimeout();
    }

    SqlCipher.ConnectionSettings settings() {
        return settings;
    }

    @Override
    public Map<VaultFile, ConnectionPool> open(UserId user, MasterKey key) throws SQLException {
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
        Path path = layout.file(user, VaultFile.VAULT);
        if (!Files.isRegularFile(path)) {
            throw new UnavailableException("vault.missing", "the vault's files are missing");
        }
        return SqlCipher.keyOpens(path, FileKeys.derive(key, VaultFile.VAULT), VaultFile.VAULT, settings);
    }

    private boolean anyMigrationPending(UserId user, MasterKey key) throws SQLException {
        for (VaultFile file : VaultFile.values()) {
            Path path = layout.file(user, file);
            if (!Files.isRegularFile(path)) {
                throw new UnavailableException("vault.missing", "the vault's files are missing");
            }
            try (KeyedFile keyed = new KeyedFile(path, FileKeys.derive(key, file), file, settings);
                 Connection connection = keyed.open()) {
                if (migrator.hasPending(file, connection)) {
                    return true;
                }
            }
        }
        return false;
    }

    private ConnectionPool openFile(UserId user, MasterKey key, VaultFile file) throws SQLException {
        Path path = layout.file(user, file);
        if (!Files.isRegularFile(path)) {
            // Never let SQLite create an empty file in place of a missing one.
            throw new UnavailableException("vault.missing", "the vault's files are missing");
        }
        KeyedFile keyed = new KeyedFile(path, FileKeys.derive(key, file), file, settings);
        try (Connection connection = keyed.open()) {
            migrator.migrate(file, connection);
        } catch (SQLException failure) {
            keyed.close();
            if (file != VaultFile.VAULT && SqlCipher.isWrongKey(failure)) {
                // vault.db accepted the key, so this file is damaged rather than the password wrong.
                throw new UnavailableException("vault.damaged", "a file of the vault cannot be read");
            }
            throw failure;
        }
        return new ConnectionPool(keyed, connectionsPerFile, borrowTimeout, statementsPerConnection);
    }
}
