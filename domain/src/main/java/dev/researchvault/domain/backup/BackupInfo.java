package dev.researchvault.domain.backup;

import java.time.Instant;
import java.util.Optional;

/**
 * One backup of a user's vault: an encrypted, verified copy of both files, taken at {@code createdAt}.
 *
 * @param name         stable identifier, derived from the creation time (no path, no user data)
 * @param sizeBytes    size of both copied files together
 * @param verified     the last verification passed, and the files on disk still have the sizes it saw
 * @param kind         why it was taken
 * @param sourceIntact whether the live vault passed a full {@code PRAGMA integrity_check} when it was copied;
 *                     empty for backups written before this was recorded. Retention never removes the newest
 *                     backup whose source was intact.
 * @param verifiedAt   when the copy was last verified
 * @param verification how: {@code quick_check} (when written) or {@code integrity_check} (every page read, at
 *                     a restore)
 */
public record BackupInfo(String name, Instant createdAt, long sizeBytes, boolean verified, BackupKind kind,
                         Optional<Boolean> sourceIntact, Instant verifiedAt, String verification) {
}
