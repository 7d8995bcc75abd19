package dev.researchvault.application.maintenance;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.BlobReconciliation;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.backup.Backups;
import dev.researchvault.domain.vault.VaultMaintenance;
import dev.researchvault.domain.vault.VaultMaintenance.FileStats;
import dev.researchvault.domain.vault.VaultMaintenance.IntegrityReport;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Integrity, statistics and compaction of the caller's vault. */
public final class VaultMaintenanceService {

    private final VaultMaintenance maintenance;
    private final VaultWork vault;
    private final Backups backups;
    private final BlobReconciliation reconciliation;

    public VaultMaintenanceService(VaultMaintenance maintenance, VaultWork vault, Backups backups,
                                   BlobReconciliation reconciliation) {
        this.maintenance = maintenance;
        this.vault = vault;
        this.backups = backups;
        this.reconciliation = reconciliation;
    }

    /** {@code PRAGMA integrity_check} of both files on fresh connections. */
    public IntegrityReport checkIntegrity(Session session) {
        return maintenance.checkIntegrity(session.userId(), session.key());
    }

    /** Figures of both files and the time of the newest backup. */
    public VaultStatistics statistics(Session session) {
        Map<String, FileStats> files = vault.inVault(session, maintenance::stats);
        return new VaultStatistics(files, backups.lastBackupAt(session.userId()));
    }

    /**
     * Deletes the blobs no row owns any more ({@link BlobReconciliation}), then compacts both files, so the
     * space of those blobs is given back too.
     */
    public VacuumReport vacuum(Session session) {
        return vault.inVault(session, () -> {
            BlobReconciliation.Report reconciled = reconciliation.reconcile();
            return new VacuumReport(maintenance.vacuum(), reconciled.blobsRemoved());
        });
    }

    /** What {@link #vacuum} did: bytes the files shrank by, and unreferenced blobs deleted before. */
    public record VacuumReport(long bytesReclaimed, long blobsRemoved) {
    }

    /** What {@link #statistics} answers. */
    public record VaultStatistics(Map<String, FileStats> files, Optional<Instant> lastBackupAt) {
    }
}
