package dev.researchvault.adapter.persistence;

import dev.researchvault.adapter.persistence.account.SqliteAccountRegistry;
import dev.researchvault.adapter.persistence.backup.BackupBeforeMigration;
import dev.researchvault.adapter.persistence.backup.SqliteBackups;
import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.adapter.persistence.vault.SqliteVaultMaintenance;
import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.domain.vault.VaultMaintenance;
import io.micronaut.context.annotation.Secondary;
import java.nio.file.Path;
import java.time.Clock;
import dev.researchvault.adapter.persistence.crypto.BouncyCastleVaultKeys;
import dev.researchvault.adapter.persistence.crypto.KdfConfiguration;
import dev.researchvault.adapter.persistence.vault.FlywaySchemaMigrator;
import dev.researchvault.adapter.persistence.vault.MigrationGuard;
import dev.researchvault.adapter.persistence.vault.OpenVaults;
import dev.researchvault.adapter.persistence.vault.RoutingDataSource;
import dev.researchvault.adapter.persistence.vault.jdbc.SlowQueryLog;
import dev.researchvault.adapter.persistence.vault.SqliteVaults;
import dev.researchvault.adapter.persistence.vault.VaultConfiguration;
import dev.researchvault.adapter.persistence.vault.VaultEngineProbe;
import dev.researchvault.adapter.persistence.vault.VaultTransactions;
import dev.researchvault.application.health.StorageHealth;
import dev.researchvault.application.vault.Transactions;
import dev.researchvault.domain.vault.VaultKeys;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import javax.sql.DataSource;

/** Wires the persistence adapters: the vault engine, the registry, the KDF and the routing data source. */
@Factory
public class PersistenceFactory {

    @Singleton
    @Secondary
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SqlCipher.ConnectionSettings connectionSettings(VaultConfiguration configuration) {
        return new SqlCipher.ConnectionSettings(configuration.getBusyTimeout().toMillis(), configuration.getPageCacheKib(),
                configuration.getBlobPageCacheKib());
    }

    @Singleton
    VaultLayout layout(VaultConfiguration configuration) {
        return new VaultLayout(Path.of(configuration.getDataDir()));
    }

    /** The engine runs this guard; it needs nothing of the engine, so the engine is built after it. */
    @Singleton
    MigrationGuard migrationGuard(VaultLayout layout, SqlCipher.ConnectionSettings settings, Clock clock) {
        return new BackupBeforeMigration(layout, settings, clock);
    }

    @Singleton
    SqliteVaults vaults(VaultConfiguration configuration, VaultLayout layout, MigrationGuard guard) {
        return new SqliteVaults(configuration, layout, new FlywaySchemaMigrator(), guard);
    }

    /** Backups lease vaults from the engine and restore through it: built after it, no setter. */
    @Singleton
    SqliteBackups backups(VaultLayout layout, SqlCipher.ConnectionSettings settings, Clock clock,
                          SqliteVaults vaults) {
        return new SqliteBackups(layout, settings, clock, vaults.openVaults(), vaults);
    }

    @Singleton
    VaultMaintenance vaultMaintenance(VaultLayout layout, SqlCipher.ConnectionSettings settings) {
        return new SqliteVaultMaintenance(layout, settings);
    }

    @Singleton
    @Bean(preDestroy = "close")
    OpenVaults openVaults(SqliteVaults vaults) {
        return vaults.openVaults();
    }

    @Singleton
    @Bean(preDestroy = "close")
    SqliteAccountRegistry accountRegistry(VaultLayout layout, VaultConfiguration configuration) {
        return new SqliteAccountRegistry(layout.registry(), configuration.getBusyTimeout());
    }

    @Singleton
    StorageHealth storageHealth(VaultLayout layout, VaultConfiguration configuration) {
        return new VaultEngineProbe(layout, configuration);
    }

    @Singleton
    VaultKeys vaultKeys(KdfConfiguration configuration) {
        return new BouncyCastleVaultKeys(configuration);
    }

    /** Micronaut Data's data source (docs/traps.md S10): routes to the bound user's vault. */
    @Singleton
    @Named("default")
    DataSource dataSource(VaultConfiguration configuration) {
        return new RoutingDataSource(new SlowQueryLog(configuration.getSlowQueryThreshold()));
    }

    @Singleton
    Transactions transactions(@Named("default") TransactionOperations<Connection> operations,
                              VaultConfiguration configuration) {
        return VaultTransactions.over(operations, configuration.getBusyTimeout());
    }
}
