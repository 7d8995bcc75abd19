package dev.researchvault.application.support

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.backup.BackupInfo
import dev.researchvault.domain.backup.BackupKind
import dev.researchvault.domain.backup.BackupPolicy
import dev.researchvault.domain.backup.Backups
import dev.researchvault.domain.vault.MasterKey

import java.time.Clock
import java.time.Instant

/** {@link Backups} as lists in memory, stamped by a clock the spec controls. */
class InMemoryBackups implements Backups {

    final Clock clock
    final Map<UserId, List<BackupInfo>> byUser = [:].withDefault { [] }
    int created

    InMemoryBackups(Clock clock) {
        this.clock = clock
    }

    @Override
    synchronized BackupInfo create(UserId user, MasterKey key, BackupKind kind) {
        created++
        def info = new BackupInfo("backup-${created}", clock.instant(), 100, true, kind, Optional.of(true),
                clock.instant(), 'quick_check')
        byUser[user] << info
        info
    }

    @Override
    synchronized List<BackupInfo> list(UserId user) {
        byUser[user].sort { -it.createdAt().toEpochMilli() }.asImmutable()
    }

    @Override
    Optional<Instant> lastBackupAt(UserId user) {
        Optional.ofNullable(list(user).find()?.createdAt())
    }

    @Override
    synchronized boolean delete(UserId user, String name) {
        byUser[user].removeIf { it.name() == name }
    }

    @Override
    synchronized int applyRetention(UserId user, BackupPolicy policy, String justWritten, Instant now) {
        def sorted = list(user)
        def doomed = sorted.withIndex().findAll { backup, index ->
            backup.name() != justWritten &&
                    (index >= policy.maxCount() || backup.createdAt().isBefore(now.minusSeconds(86400L * policy.maxAgeDays())))
        }*.first()
        doomed.each { delete(user, it.name()) }
        doomed.size()
    }

    @Override
    Optional<BackupInfo> restore(UserId user, MasterKey key, String name) {
        throw new UnsupportedOperationException('not needed by these specs')
    }
}
