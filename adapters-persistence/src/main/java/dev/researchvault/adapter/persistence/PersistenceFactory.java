package dev.researchvault.adapter.persistence;

import dev.researchvault.adapter.persistence.account.SqliteAccountRegistry;
import dev.researchvault.adapter.persistence.crypto.BouncyCastleVaultKeys;
import dev.researchvault.adapter.persistence.crypto.KdfConfiguration;
import dev.researchvault.adapter.persistence.vault.FlywaySchemaMigrator;
import dev.researchvault.adapter.persistence.vault.OpenVaults;
import dev.researchvault.adapter.persistence.vault.RoutingDataSource;
import dev.researchvault.adapter.persistence.vault.SlowQueryLog;
import dev.researchvault.adapter.persistence.vault.SqliteVaults;
import dev.researchvault.adapter.persistence.vault.VaultConfiguration;
import dev.researchvault.adapter.persistence.vault.VaultEngineProbe;
import dev.researchvault.adapter.persistence.vault.VaultTransactions;
import dev.researchvault.application.health.StorageHealth;
import dev.researchvault.application.vault.Transactions;
import dev.researchvault.domain.vault.VaultKeys;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;

/** Wires the persistence adapters: the vault engine, the registry, the KDF and the routing data source. */
@Factory
public class PersistenceFactory {

    @Singleton
    SqliteVaults vaults(VaultConfiguration configuration) {
        return new SqliteVaults(configuration, new FlywaySchemaMigrator());
    }

    @Singleton
    @Bean(preDestroy = "close")
    OpenVaults openVaults(SqliteVaults vaults) {
        return vaults.openVaults();
    }

    @Singleton
    @Bean(preDestroy = "close")
    SqliteAccountRegistry accountRegistry(SqliteVaults vaults, VaultConfiguration configuration) {
        return new SqliteAccountRegistry(vaults.layout().registry(), configuration.getBusyTimeout());
    }

    @Singleton
    StorageHealth storageHealth(SqliteVaults vaults, VaultConfiguration configuration) {
        return new VaultEngineProbe(vaults.layout(), configuration);
    }

    @Singleton
    VaultKeys vaultKeys(KdfConfiguration configuration) {
        return new BouncyCastleVaultKeys(configuration);
    }

    /** Micronaut Data's data source (STACK.md trap 10): routes to the bound user's vault. */
    @Singleton
    @Named("default")
    DataSource dataSource(@Value("${vault.slow-query-threshold:100ms}") Duration slowQueryThreshold) {
        return new RoutingDataSource(new SlowQueryLog(slowQueryThreshold));
    }

    @Singleton
    Transactions transactions(@Named("default") TransactionOperations<Connection> operations) {
        return VaultTransactions.over(operations);
    }
}
