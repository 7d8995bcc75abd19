package dev.researchvault.application.support

import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.backup.BackupFiles
import dev.researchvault.domain.backup.BackupInfo
import dev.researchvault.domain.backup.BackupKind
import dev.researchvault.domain.backup.BackupPolicy
import dev.researchvault.domain.backup.Backups
import dev.researchvault.domain.vault.MasterKey

import java.time.Clock
import java.time.Instant

/**
 * {@link Backups} in memory, stamped by a clock the spec controls. A user's "live vault" is one note
 * ({@link #live}); a backup copies it, with the key it was taken under, and a restore puts it back. The reference
 * the contract spec checks the SQLite adapter against.
 */
class InMemoryBackups implements Backups {

    final Clock clock
    /** Each user's live vault, reduced to the one value the specs write and read back. */
    final Map<UserId, String> live = [:].asSynchronized()
    private final Map<UserId, List<Copy>> byUser = [:].withDefault { [] }
    int created

    /** One backup: what is listed, the vault it holds and the key it is encrypted under. */
    private static class Copy {
        BackupInfo info
        long sequence
        String note
        byte[] key
    }

    InMemoryBackups(Clock clock) {
        this.clock = clock
    }

    @Override
    synchronized BackupInfo create(UserId user, MasterKey key, BackupKind kind) {
        created++
        def info = new BackupInfo("backup-${created}", clock.instant(), 100, true, kind, Optional.of(true),
                clock.instant(), 'quick_check')
        byUser[user] << new Copy(info: info, sequence: created, note: live[user], key: key.copyBytes())
        info
    }

    @Override
    synchronized List<BackupInfo> list(UserId user) {
        newestFirst(user)*.info.asImmutable()
    }

    @Override
    Optional<Instant> lastBackupAt(UserId user) {
        Optional.ofNullable(list(user).find()?.createdAt())
    }

    @Override
    synchronized boolean delete(UserId user, String name) {
        byUser[user].removeIf { it.info.name() == name }
    }

    @Override
    synchronized int applyRetention(UserId user, BackupPolicy policy, String justWritten, Instant now) {
        List<BackupInfo> sorted = list(user)
        BackupInfo newestIntact = sorted.find { it.sourceIntact().orElse(false) }
        Instant oldestKept = now.minusSeconds(86400L * policy.maxAgeDays())
        def doomed = sorted.withIndex().findAll { backup, index ->
            backup.name() != justWritten && backup != newestIntact &&
                    (index >= policy.maxCount() || backup.createdAt().isBefore(oldestKept))
        }*.first()
        doomed.each { delete(user, it.name()) }
        doomed.size()
    }

    @Override
    synchronized Optional<BackupInfo> restore(UserId user, MasterKey key, String name) {
        Copy copy = byUser[user].find { it.info.name() == name }
        if (copy == null) {
            throw new NotFoundException('backup.not-found', 'no backup of that name')
        }
        if (!Arrays.equals(copy.key, key.copyBytes())) {
            throw new ConflictException('backup.other-key', 'this backup is under another key')
        }
        BackupInfo safety = create(user, key, BackupKind.BEFORE_RESTORE)
        live[user] = copy.note
        Optional.of(safety)
    }

    private List<Copy> newestFirst(UserId user) {
        byUser[user].sort(false) { a, b -> b.info.createdAt() <=> a.info.createdAt() ?: b.sequence <=> a.sequence }
    }


    /** The one note of the backup as the "vault.db" of the download, under no KDF row (an old backup). */
    @Override
    synchronized Optional<BackupFiles> open(UserId user, String name) {
        Copy copy = byUser[user].find { it.info.name() == name }
        if (copy == null) {
            return Optional.empty()
        }
        byte[] bytes = (copy.note ?: '').getBytes('UTF-8')
        Optional.of(new BackupFiles(Optional.empty(),
                [new BackupFiles.File('vault.db', bytes.length, new ByteArrayInputStream(bytes))]))
    }
}
