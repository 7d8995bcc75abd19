package dev.researchvault.application.backup;

import dev.researchvault.application.settings.SettingsQuery;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupPolicy;
import dev.researchvault.domain.vault.MasterKey;

/** Backup rules from the user's {@code backup.enabled}, {@code backup.max_count}, {@code backup.max_age_days}. */
public final class SettingsBackupPolicies implements BackupPolicies {

    private final SettingsQuery settings;
    private final VaultScope vaultScope;

    public SettingsBackupPolicies(SettingsQuery settings, VaultScope vaultScope) {
        this.settings = settings;
        this.vaultScope = vaultScope;
    }

    @Override
    public BackupPolicy policyOf(UserId user, MasterKey key) {
        return vaultScope.call(user, key, () -> new BackupPolicy(
                settings.boolValue(user, "backup.enabled"),
                (int) settings.intValue(user, "backup.max_count"),
                (int) settings.intValue(user, "backup.max_age_days")));
    }
}
