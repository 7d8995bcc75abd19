package dev.researchvault.application.backup;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupPolicy;
import dev.researchvault.domain.vault.MasterKey;

/** Where a user's backup rules come from (their {@code backup.*} settings). */
@FunctionalInterface
public interface BackupPolicies {

    /** Everyone on the shipped defaults. */
    BackupPolicies DEFAULTS = (user, key) -> BackupPolicy.DEFAULT;

    /** The user's current rules; may open the user's vault to read them. */
    BackupPolicy policyOf(UserId user, MasterKey key);
}
