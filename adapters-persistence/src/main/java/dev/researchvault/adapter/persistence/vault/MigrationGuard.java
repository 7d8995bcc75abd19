package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;

/**
 * Runs before an existing vault is migrated to a newer schema, while its files are still closed: the place
 * for the forced backup that lets a user go back if a migration goes wrong.
 */
@FunctionalInterface
public interface MigrationGuard {

    MigrationGuard NONE = (user, key) -> { };

    /** Called at most once per open, only when some file has pending migrations. May throw to refuse. */
    void beforeMigrating(UserId user, MasterKey key);
}
