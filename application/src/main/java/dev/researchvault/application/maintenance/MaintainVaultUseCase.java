package dev.researchvault.application.maintenance;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.vault.VaultMaintenance.FileStats;
import dev.researchvault.domain.vault.VaultMaintenance.IntegrityReport;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Integrity, statistics and compaction of the caller's vault. */
public interface MaintainVaultUseCase {

    /** {@code PRAGMA integrity_check} of both files on fresh connections; a damaged file is reported, not thrown. */
    IntegrityReport checkIntegrity(Session session);

    /**
     * Figures of both files and the time of the newest backup.
     *
     * @throws dev.researchvault.domain.UnavailableException when the vault cannot be read right now
     */
    VaultStatistics statistics(Session session);

    /**
     * Deletes the blobs no row owns any more, then compacts both files, so the space of those blobs is given
     * back too.
     *
     * @throws dev.researchvault.domain.UnavailableException {@code vault.busy} when other writes hold the vault
     */
    VacuumReport vacuum(Session session);

    /** What {@link #vacuum} did: bytes the files shrank by, and unreferenced blobs deleted before. */
    record VacuumReport(long bytesReclaimed, long blobsRemoved) {
    }

    /** What {@link #statistics} answers. */
    record VaultStatistics(Map<String, FileStats> files, Optional<Instant> lastBackupAt) {
    }
}
