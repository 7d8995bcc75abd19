package dev.researchvault.domain.backup;

/**
 * A user's backup rules, from their {@code backup.*} settings.
 *
 * @param automatic  whether backups are taken after logins (manual and forced ones are always allowed)
 * @param maxCount   keep at most this many backups
 * @param maxAgeDays delete backups older than this many days
 */
public record BackupPolicy(boolean automatic, int maxCount, int maxAgeDays) {

    /** The shipped defaults: automatic, one backup, seven days. */
    public static final BackupPolicy DEFAULT = new BackupPolicy(true, 1, 7);

    public BackupPolicy {
        if (maxCount < 1 || maxAgeDays < 1) {
            throw new IllegalArgumentException("a backup policy keeps at least one backup for at least one day");
        }
    }
}
