package dev.researchvault.bootstrap;

import dev.researchvault.application.account.AccountLifecycle;
import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.application.blob.UploadLimits;
import dev.researchvault.application.transfer.BackupDownloadService;
import dev.researchvault.application.transfer.ImportLimits;
import dev.researchvault.application.transfer.VaultExportService;
import dev.researchvault.application.transfer.VaultImportService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.bootstrap.config.TransferConfiguration;
import dev.researchvault.domain.backup.Backups;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.transfer.VaultRecords;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires export, import and backup downloads (docs/export-format.md). */
@Factory
public class TransferWiring {

    /**
     * The threads that write archives while their responses stream them: one per download in progress, each
     * waiting most of the time for its client. Unbounded like Micronaut's blocking pool, which every download
     * first passed through.
     */
    @Singleton
    @Named("archives")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService archiveExecutor() {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "archive");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    VaultExportService vaultExportService(VaultWork vault, VaultRecords records, BlobStore blobs, PasswordProof proof,
                                          Clock clock) {
        String version = TransferWiring.class.getPackage().getImplementationVersion();
        return new VaultExportService(vault, records, blobs, proof, clock, version == null ? "development" : version);
    }

    @Singleton
    VaultImportService vaultImportService(VaultWork vault, VaultRecords records, BlobStore blobs,
                                          PendingBlobOwners pending, TransferConfiguration transfer,
                                          UploadLimits uploadLimits) {
        return new VaultImportService(vault, records, blobs, pending, new ImportLimits(transfer.getMaxImportSize(),
                transfer.getMaxImportExpandedSize(), uploadLimits.fileSize().maxBytes()), uploadLimits.quota());
    }

    @Singleton
    BackupDownloadService backupDownloadService(Backups backups, PasswordProof proof, AccountLifecycle lifecycle,
                                                Clock clock) {
        return new BackupDownloadService(backups, proof, lifecycle, clock);
    }
}
