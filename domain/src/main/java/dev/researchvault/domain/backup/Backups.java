package dev.researchvault.domain.backup;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Encrypted, verified copies of a user's vault ({@code vault.db} and {@code blobs.db}). */
public interface Backups {

    /**
     * Writes a new backup now: checks free space (at least twice the vault's size), copies both files under
     * the vault's own keys, verifies the copies, makes them private and moves them into place atomically.
     * One backup runs at a time per user, and a call is answered by the first backup that started after
     * it arrived: calls piling up while one runs share the next one (a group commit), so each caller's
     * backup holds what it wrote before asking.
     *
     * @throws dev.researchvault.domain.UnavailableException {@code backup.insufficient-space} or
     *         {@code backup.failed} (nothing is left behind then)
     */
    BackupInfo create(UserId user, MasterKey key);

    /** The user's backups, newest first. */
    List<BackupInfo> list(UserId user);

    /** When the newest backup was taken, if there is one. */
    Optional<Instant> lastBackupAt(UserId user);

    /** Deletes one backup; false when there is no backup of that name. */
    boolean delete(UserId user, String name);

    /** Deletes every backup of the user (after a password change: old backups are under the old key). */
    void deleteAll(UserId user);

    /**
     * Applies retention: keeps at most {@code policy.maxCount()}, deletes those older than
     * {@code policy.maxAgeDays()} at {@code now}, never deletes {@code justWritten}; a deletion that fails
     * is logged and the rest go on. Also removes temporary files of backups that died over an hour ago.
     *
     * @return how many backups were deleted
     */
    int applyRetention(UserId user, BackupPolicy policy, String justWritten, Instant now);

    /**
     * Replaces the user's live files with the backup's, after verifying the backup with {@code key}
     * (integrity check of both copies). The user's open vault is closed first. A restore that fails
     * leaves the live files as they were.
     *
     * @throws dev.researchvault.domain.NotFoundException {@code backup.not-found}
     * @throws dev.researchvault.domain.ConflictException {@code backup.corrupt} when verification fails
     */
    void restore(UserId user, MasterKey key, String name);
}
