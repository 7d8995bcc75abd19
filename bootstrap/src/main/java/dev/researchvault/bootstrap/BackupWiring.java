package dev.researchvault.bootstrap;

import dev.researchvault.application.account.AccountLifecycle;
import dev.researchvault.application.account.SessionStore;
import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.backup.BackupPolicies;
import dev.researchvault.adapter.persistence.settings.CachingSettingsStore;
import dev.researchvault.application.backup.BackupService;
import dev.researchvault.application.blob.BlobReconciliation;
import dev.researchvault.application.backup.SettingsBackupPolicies;
import dev.researchvault.application.settings.SettingsQuery;
import dev.researchvault.application.maintenance.VaultMaintenanceService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.backup.Backups;
import dev.researchvault.domain.vault.VaultMaintenance;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires backups and vault maintenance. */
@Factory
public class BackupWiring {

    /** Automatic backups run here, off the request threads; two at a time keeps a login storm civil. */
    @Singleton
    @Named("backups")
    @Bean(preDestroy = "shutdown")
    ExecutorService backupExecutor() {
        return Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "backup");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    BackupService backupService(Backups backups, BackupPolicies policies, PasswordProof proof,
                                AccountLifecycle lifecycle, SessionStore sessions,
                                @Named("backups") ExecutorService executor, CachingSettingsStore settingsCache,
                                Clock clock) {
        // A restore swaps the vault's files: cached settings of that user must not outlive it.
        return new BackupService(new BackupService.Collaborators(backups, policies, proof, lifecycle, sessions,
                executor, settingsCache::forget, clock));
    }

    @Singleton
    VaultMaintenanceService vaultMaintenanceService(VaultMaintenance maintenance, VaultWork vault, Backups backups,
                                                    BlobReconciliation reconciliation) {
        return new VaultMaintenanceService(maintenance, vault, backups, reconciliation);
    }

    @Singleton
    BackupPolicies backupPolicies(SettingsQuery settings) {
        return new SettingsBackupPolicies(settings);
    }
}
