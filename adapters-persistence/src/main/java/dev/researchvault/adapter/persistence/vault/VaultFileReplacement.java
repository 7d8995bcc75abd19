package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.account.UserId;
import java.nio.file.Path;
import java.util.Map;

/**
 * The engine's side of a restore: swaps a user's live files for verified copies while the vault is closed.
 * Backups receive it at construction, so the engine does not have to know them (it only runs their
 * {@link MigrationGuard}).
 */
@FunctionalInterface
public interface VaultFileReplacement {

    /**
     * Replaces the user's live files with {@code sources} (already verified by the caller), with the vault
     * closed and no request running. {@code whileClosed} runs first, on the closed, checkpointed live files
     * (the restore's safety copy). Crash-safe: an interrupted replacement is finished or undone at the next
     * recovery.
     */
    void replaceFiles(UserId user, Map<VaultFile, Path> sources, Runnable whileClosed);
}
