package dev.researchvault.application.maintenance;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.BlobReconciliation;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.backup.Backups;
import dev.researchvault.domain.vault.VaultMaintenance;
import dev.researchvault.domain.vault.VaultMaintenance.FileStats;
import dev.researchvault.domain.vault.VaultMaintenance.IntegrityReport;
import java.util.Map;

/** Integrity, statistics and compaction of the caller's vault. */
public record VaultMaintenanceService(VaultMaintenance maintenance, VaultWork vault, Backups backups,
                                      BlobReconciliation reconciliation) implements MaintainVaultUseCase {

    @Override
    public IntegrityReport checkIntegrity(Session session) {
        return maintenance.checkIntegrity(session.userId(), session.key());
    }

    @Override
    public VaultStatistics statistics(Session session) {
        Map<String, FileStats> files = vault.inVault(session, maintenance::stats);
        return new VaultStatistics(files, backups.lastBackupAt(session.userId()));
    }

    /** The unowned blobs are found by {@link BlobReconciliation}, inside the same vault scope as the compaction. */
    @Override
    public VacuumReport vacuum(Session session) {
        return vault.inVault(session, () -> {
            BlobReconciliation.Report reconciled = reconciliation.reconcile();
            return new VacuumReport(maintenance.vacuum(), reconciled.blobsRemoved());
        });
    }
}
