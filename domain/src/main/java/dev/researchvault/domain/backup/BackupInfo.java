package dev.researchvault.domain.backup;

import java.time.Instant;

/**
 * One backup of a user's vault: an encrypted, verified copy of both files, taken at {@code createdAt}.
 *
 * @param name      stable identifier, derived from the creation time (no path, no user data)
 * @param sizeBytes size of both copied files together
 * @param verified  the copies opened with the vault's keys and passed {@code PRAGMA quick_check} when written
 */
public record BackupInfo(String name, Instant createdAt, long sizeBytes, boolean verified) {
}
