package dev.researchvault.application.backup

import dev.researchvault.application.vault.VaultOwner
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.backup.BackupInfo
import dev.researchvault.domain.backup.BackupKind
import dev.researchvault.domain.backup.BackupPolicy
import dev.researchvault.domain.backup.Backups
import dev.researchvault.domain.vault.MasterKey
import spock.lang.Specification

import java.time.Duration

/**
 * What every {@link Backups} does, on the in-memory fake and on the SQLite adapter. A subclass provides the
 * store, users with an empty vault, and a way to write and read one value of a user's live vault, so that a
 * restore can be seen to bring back what was there when the backup was taken.
 */
abstract class BackupsContractSpec extends Specification {

    abstract Backups getBackups()

    /** A new user with an empty vault, and the key that opens it. */
    abstract VaultOwner newOwner()

    /** Writes {@code note} into the owner's live vault (replacing an earlier one). */
    abstract void writeNote(VaultOwner owner, String note)

    /** The note in the owner's live vault. */
    abstract Optional<String> readNote(VaultOwner owner)

    /** Backups a moment apart, so that their times (and the names made of them) differ and order them. */
    BackupInfo backUp(VaultOwner owner, BackupKind kind = BackupKind.MANUAL) {
        Thread.sleep(3)
        backups.create(owner.userId(), owner.key(), kind)
    }

    def "a new user has no backups"() {
        given:
        def owner = newOwner()

        expect:
        backups.list(owner.userId()) == []
        backups.lastBackupAt(owner.userId()).isEmpty()
    }

    def "a backup is listed newest first, verified, of its kind, from an intact source"() {
        given:
        def owner = newOwner()

        when:
        def first = backUp(owner, BackupKind.MANUAL)
        def second = backUp(owner, BackupKind.AUTOMATIC)

        then:
        backups.list(owner.userId())*.name() == [second.name(), first.name()]
        backups.list(owner.userId())*.kind() == [BackupKind.AUTOMATIC, BackupKind.MANUAL]
        backups.list(owner.userId()).every { it.verified() && it.sizeBytes() > 0 && it.sourceIntact() == Optional.of(true) }
        first.name() != second.name()
        !second.createdAt().isBefore(first.createdAt())
        backups.lastBackupAt(owner.userId()) == Optional.of(second.createdAt())
    }

    def "deleting answers whether there was such a backup"() {
        given:
        def owner = newOwner()
        def kept = backUp(owner)
        def doomed = backUp(owner)

        expect:
        backups.delete(owner.userId(), doomed.name())
        !backups.delete(owner.userId(), doomed.name())
        !backups.delete(owner.userId(), 'no-such-backup')
        backups.list(owner.userId())*.name() == [kept.name()]
    }

    def "one user's backups are invisible to another, and cannot be deleted or restored by them"() {
        given:
        def alice = newOwner()
        def bob = newOwner()
        def hers = backUp(alice)

        expect:
        backups.list(bob.userId()) == []
        !backups.delete(bob.userId(), hers.name())

        when:
        backups.restore(bob.userId(), bob.key(), hers.name())

        then:
        thrown(NotFoundException)
        backups.list(alice.userId())*.name() == [hers.name()]
    }

    def "a restore brings back the vault as it was, after a safety backup that undoes it"() {
        given:
        def owner = newOwner()
        writeNote(owner, 'old')
        def old = backUp(owner)
        writeNote(owner, 'new')

        when:
        def safety = backups.restore(owner.userId(), owner.key(), old.name())

        then:
        readNote(owner) == Optional.of('old')
        safety.get().kind() == BackupKind.BEFORE_RESTORE
        backups.list(owner.userId())*.name().contains(safety.get().name())

        when: 'undo'
        backups.restore(owner.userId(), owner.key(), safety.get().name())

        then:
        readNote(owner) == Optional.of('new')
    }

    def "restoring an unknown backup is not found and changes nothing"() {
        given:
        def owner = newOwner()
        writeNote(owner, 'live')
        def listed = backUp(owner)

        when:
        backups.restore(owner.userId(), owner.key(), 'no-such-backup')

        then:
        def refused = thrown(NotFoundException)
        refused.code() == 'backup.not-found'
        readNote(owner) == Optional.of('live')
        backups.list(owner.userId()) == [listed]
    }

    def "a restore with a key the backup is not under is refused and changes nothing"() {
        given:
        def owner = newOwner()
        writeNote(owner, 'live')
        def backup = backUp(owner)

        when:
        backups.restore(owner.userId(), new MasterKey(new byte[32]), backup.name())

        then:
        def refused = thrown(ConflictException)
        refused.code() in ['backup.other-key', 'backup.corrupt']
        readNote(owner) == Optional.of('live')
        backups.list(owner.userId())*.name() == [backup.name()]
    }

    def "retention keeps at most max_count, never the one just written"() {
        given:
        def owner = newOwner()
        def oldest = backUp(owner)
        def middle = backUp(owner)
        def newest = backUp(owner)

        when:
        def deleted = backups.applyRetention(owner.userId(), new BackupPolicy(true, 2, 365), newest.name(),
                newest.createdAt())

        then:
        deleted == 1
        backups.list(owner.userId())*.name() == [newest.name(), middle.name()]
        oldest.name() != middle.name()
    }

    def "retention drops backups older than max_age_days, but never the newest of an intact source"() {
        given:
        def owner = newOwner()
        def older = backUp(owner)
        def newest = backUp(owner)
        def muchLater = newest.createdAt() + Duration.ofDays(8)

        when: 'both are older than 7 days; the one just written is the older one'
        def deleted = backups.applyRetention(owner.userId(), new BackupPolicy(true, 10, 7), older.name(), muchLater)

        then: 'the newest backup of an intact source stays too'
        deleted == 0
        backups.list(owner.userId())*.name() == [newest.name(), older.name()]

        when: 'nothing just written'
        backups.applyRetention(owner.userId(), new BackupPolicy(true, 10, 7), 'none', muchLater)

        then:
        backups.list(owner.userId())*.name() == [newest.name()]
    }
}
