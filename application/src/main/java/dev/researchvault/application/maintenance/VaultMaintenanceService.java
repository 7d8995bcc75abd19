package dev.researchvault.application.maintenance;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultScope;
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
    private final VaultScope vaultScope;
    private final Backups backups;

    public VaultMaintenanceService(VaultMaintenance maintenance, VaultScope vaultScope, Backups backups) {
        this.maintenance = maintenance;
        this.vaultScope = vaultScope;
        this.backups = backups;
    }

    /** {@code PRAGMA integrity_check} of both files on fresh connections. */
    public IntegrityReport checkIntegrity(Session session) {
        return maintenance.checkIntegrity(session.userId(), session.key());
    }

    /** Figures of both files and the time of the newest backup. */
    public VaultStatistics statistics(Session session) {
        Map<String, FileStats> files = vaultScope.call(session.userId(), session.key(), maintenance::stats);
        return new VaultStatistics(files, backups.lastBackupAt(session.userId()));
    }

    /** Compacts both files; answers the bytes reclaimed. */
    public long vacuum(Session session) {
        return vaultScope.call(session.userId(), session.key(), maintenance::vacuum);
    }

    /** What {@link #statistics} answers. */
    public record VaultStatistics(Map<String, FileStats> files, Optional<Instant> lastBackupAt) {
    }
}
