package dev.researchvault.application.backup;

import dev.researchvault.application.settings.SettingsQuery;
import dev.researchvault.application.vault.VaultOwner;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupPolicy;
import dev.researchvault.domain.vault.MasterKey;

/** Backup rules from the user's {@code backup.enabled}, {@code backup.max_count}, {@code backup.max_age_days}. */
public final class SettingsBackupPolicies implements BackupPolicies {

    private final SettingsQuery settings;

    public SettingsBackupPolicies(SettingsQuery settings) {
        this.settings = settings;
    }

    @Override
    public BackupPolicy policyOf(UserId user, MasterKey key) {
        VaultOwner owner = VaultOwner.of(user, key);
        return new BackupPolicy(
                settings.boolValue(owner, "backup.enabled"),
                (int) settings.intValue(owner, "backup.max_count"),
                (int) settings.intValue(owner, "backup.max_age_days"));
    }
}
