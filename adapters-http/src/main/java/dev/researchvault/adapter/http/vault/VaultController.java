package dev.researchvault.adapter.http.vault;

import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.maintenance.MaintainVaultUseCase;
import dev.researchvault.domain.vault.VaultMaintenance.FileStats;
import dev.researchvault.domain.vault.VaultMaintenance.IntegrityReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Integrity, statistics and compaction of the caller's vault. */
@Controller("/api/v1/vault")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record VaultController(MaintainVaultUseCase maintenance) {

    /** Checks the integrity of the caller's vault files. */
    @Get("/integrity")
    public IntegrityResponse integrity(@CurrentSession Session session) {
        IntegrityReport report = maintenance.checkIntegrity(session);
        return new IntegrityResponse(word(report.vaultOk()), word(report.blobsOk()), report.details());
    }

    /** Sizes, row counts and free pages of the caller's vault, and its last backup. */
    @Get("/stats")
    public StatsResponse stats(@CurrentSession Session session) {
        MaintainVaultUseCase.VaultStatistics statistics = maintenance.statistics(session);
        Map<String, FileStatsResponse> files = statistics.files().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> FileStatsResponse.of(entry.getValue()),
                        (a, b) -> a, java.util.LinkedHashMap::new));
        return new StatsResponse(files, statistics.lastBackupAt().map(Instant::toString).orElse(null));
    }

    /** Removes files no message owns any more, then compacts the vault. */
    @Post("/vacuum")
    public VacuumResponse vacuum(@CurrentSession Session session) {
        MaintainVaultUseCase.VacuumReport report = maintenance.vacuum(session);
        return new VacuumResponse(report.bytesReclaimed(), report.blobsRemoved());
    }

    private static String word(boolean ok) {
        return ok ? "ok" : "corrupt";
    }

    /** {@code details} is always present, as API.md shows it, even when empty. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record IntegrityResponse(String vault, String blobs, List<String> details) {
    }

    @Serdeable
    record StatsResponse(Map<String, FileStatsResponse> files, String lastBackupAt) {
    }

    @Serdeable
    record FileStatsResponse(long sizeBytes, long walBytes, long pageCount, long freePages, Map<String, Long> rowCounts) {
        static FileStatsResponse of(FileStats stats) {
            return new FileStatsResponse(stats.sizeBytes(), stats.walBytes(), stats.pageCount(), stats.freePages(),
                    stats.rowCounts());
        }
    }

    /** {@code blobsRemoved} is an addition: files no message owned any more, deleted before compacting. */
    @Serdeable
    record VacuumResponse(long bytesReclaimed, long blobsRemoved) {
    }
}
