package dev.researchvault.domain.backup;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Encrypted, verified copies of a user's vault ({@code vault.db} and {@code blobs.db}). */
public interface Backups {

    /**
     * Writes a new backup now: checks free space (at least twice the vault's size), runs a full integrity
     * check of the live files (recorded as {@link BackupInfo#sourceIntact()}), copies both files under the
     * vault's own keys, verifies the copies, keeps the KDF row they are encrypted under beside them (so the
     * backup and its password are enough to open it), makes them private and moves them into place
     * atomically. Callers run one backup of a user at a time.
     *
     * @throws dev.researchvault.domain.UnavailableException {@code backup.insufficient-space} or
     *         {@code backup.failed} (nothing is left behind then)
     */
    BackupInfo create(UserId user, MasterKey key, BackupKind kind);

    /** The user's backups, newest first. */
    List<BackupInfo> list(UserId user);

    /** When the newest backup was taken, if there is one. */
    Optional<Instant> lastBackupAt(UserId user);

    /** Deletes one backup; false when there is no backup of that name. */
    boolean delete(UserId user, String name);

    /**
     * Applies retention: keeps at most {@code policy.maxCount()}, deletes those older than
     * {@code policy.maxAgeDays()} at {@code now}, never deletes {@code justWritten}, and never the newest
     * backup whose source passed a full integrity check (a backup of a damaged vault must not rotate away
     * the last good one); a deletion that fails is logged and the rest go on. Also removes temporary files
     * of backups that died over an hour ago.
     *
     * @return how many backups were deleted
     */
    int applyRetention(UserId user, BackupPolicy policy, String justWritten, Instant now);

    /**
     * Replaces the user's live files with the backup's, after verifying the backup with {@code key}
     * (integrity check of both copies, recorded as its last verification). The user's open vault is closed
     * first, and a safety backup of the live files ({@link BackupKind#BEFORE_RESTORE}) is taken while it is
     * closed, so the restore can be undone. A restore that fails, or is cut short by a crash, leaves the live
     * files as they were.
     *
     * @return the safety backup; empty when the live files could not be copied (a damaged vault)
     * @throws dev.researchvault.domain.NotFoundException {@code backup.not-found}
     * @throws dev.researchvault.domain.ConflictException {@code backup.corrupt} when verification fails,
     *         {@code backup.other-key} when the backup is under another key than the live vault
     */
    Optional<BackupInfo> restore(UserId user, MasterKey key, String name);

    /**
     * Opens the files of one backup for reading, as they are now: the encrypted copies of {@code vault.db} and
     * {@code blobs.db}, their {@code kdf.properties} and {@code backup.properties}, and the KDF row they are under.
     *
     * @return empty when there is no backup of that name
     */
    Optional<BackupFiles> open(UserId user, String name);
}
