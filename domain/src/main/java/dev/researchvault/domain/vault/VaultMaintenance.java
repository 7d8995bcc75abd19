package dev.researchvault.domain.vault;

import dev.researchvault.domain.account.UserId;
import java.util.List;
import java.util.Map;

/** Health and housekeeping of one user's vault files. */
public interface VaultMaintenance {

    /**
     * Runs {@code PRAGMA integrity_check} on a fresh connection to each file (every page is read, so every
     * page's HMAC is checked). A file that cannot even be opened with the key counts as corrupt.
     */
    IntegrityReport checkIntegrity(UserId user, MasterKey key);

    /** Sizes, free pages and row counts of both files; call inside the user's vault scope. */
    Map<String, FileStats> stats();

    /** Rebuilds both files compactly; answers the bytes reclaimed. Call inside the user's vault scope. */
    long vacuum();

    /** Outcome of an integrity check; {@code details} lists what SQLite reported (at most 20 lines). */
    record IntegrityReport(boolean vaultOk, boolean blobsOk, List<String> details) {
    }

    /** Figures of one file. */
    record FileStats(long sizeBytes, long walBytes, long pageCount, long freePages, Map<String, Long> rowCounts) {
    }
}
