package dev.researchvault.application.backup;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.backup.BackupInfo;
import java.util.List;
import java.util.Optional;

/** What a user can do with their backups. */
public interface BackupUseCases {

    /** Takes a backup now (not subject to the daily limit) and applies retention. */
    BackupInfo createBackup(Session session);

    /** The user's backups, newest first. */
    List<BackupInfo> listBackups(Session session);

    /** @throws dev.researchvault.domain.NotFoundException {@code backup.not-found} */
    void deleteBackup(Session session, String name);

    /**
     * Replaces the live vault with a backup, after re-proving the password; a safety backup of the live
     * vault is taken first, so the restore can be undone. The vault keeps the current password.
     *
     * @return the safety backup, empty when the live vault could not be copied (damaged)
     * @throws dev.researchvault.domain.UnauthenticatedException wrong password, or a session a password
     *         change or deletion ended ({@code session.invalid})
     * @throws dev.researchvault.domain.NotFoundException        {@code backup.not-found}
     * @throws dev.researchvault.domain.ConflictException        {@code backup.corrupt}, {@code backup.other-key}
     */
    Optional<BackupInfo> restoreBackup(Session session, String name, String password);
}
