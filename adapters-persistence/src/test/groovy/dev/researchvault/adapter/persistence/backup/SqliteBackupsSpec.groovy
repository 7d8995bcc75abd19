package dev.researchvault.adapter.persistence.backup

import dev.researchvault.application.backup.BackupsContractSpec
import dev.researchvault.application.vault.VaultOwner
import dev.researchvault.domain.backup.BackupKind
import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.adapter.persistence.vault.files.KdfRowFile
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.backup.BackupPolicy
import dev.researchvault.domain.vault.VaultMaintenance
import dev.researchvault.domain.vault.VaultMetadata
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.nio.ByteBuffer
import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.*

/**
 * The backups contract on real encrypted files, plus what only files can show: round trip of every row and blob,
 * encryption, corruption, concurrency, crash recovery.
 */
class SqliteBackupsSpec extends BackupsContractSpec {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    SqliteBackups backups = fixture.bean(SqliteBackups)
    VaultMetadata metadata = fixture.bean(VaultMetadata)
    BlobStore blobs = fixture.bean(BlobStore)

    @Override
    VaultOwner newOwner() {
        def vault = fixture.newVault()
        VaultOwner.of(vault.user, vault.key)
    }

    @Override
    void writeNote(VaultOwner owner, String note) {
        fixture.inVault(owner) { metadata.put('note', note) }
    }

    @Override
    Optional<String> readNote(VaultOwner owner) {
        fixture.inVault(owner) { metadata.get('note') }
    }

    def "round trip: back up, lose the live files, restore; every row and blob is back and intact"() {
        given:
        def alice = fixture.newVault()
        def message = UUID.randomUUID()
        byte[] picture = (0..255) as byte[]
        fixture.inVault(alice) {
            metadata.put('note', 'precious')
            blobs.save(BlobKey.file(message, 0), 'image/png', picture)
        }
        def backup = backups.create(alice.user, alice.key, BackupKind.MANUAL)

        when: 'the live files are lost'
        fixture.vaults.close(alice.user)
        VaultFile.values().each { file -> liveFiles(alice, file).each { Files.deleteIfExists(it) } }
        backups.restore(alice.user, alice.key, backup.name())

        then:
        fixture.inVault(alice) { metadata.get('note') } == Optional.of('precious')
        fixture.inVault(alice) { blobs.get(BlobKey.file(message, 0)).get().data() } == picture
        with(fixture.bean(VaultMaintenance).checkIntegrity(alice.user, alice.key)) {
            vaultOk() && blobsOk() && details().isEmpty()
        }
    }

    def "a backup is encrypted: no plaintext header, opens with the vault's keys and no other"() {
        given:
        def bob = fixture.newVault()
        def backup = backups.create(bob.user, bob.key, BackupKind.MANUAL)
        Path dir = backupDir(bob, backup.name())

        expect:
        backup.verified()
        backup.sizeBytes() > 0
        VaultFile.values().every { file ->
            Path copy = dir.resolve(file.fileName())
            !startsWithPlainHeader(copy) && opens(copy, bob.key, file) && !opens(copy, randomKey(), file)
        }
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve('vault.db'))) == 'rw-------'
    }

    def "16 bytes overwritten inside a page of the live vault: the integrity check reports it"() {
        given:
        def carol = fixture.newVault()
        fixture.inVault(carol) { (1..200).each { metadata.put("k$it", 'x' * 100) } }
        fixture.vaults.close(carol.user)

        when:
        scribble(fixture.vaults.layout().file(carol.user, VaultFile.VAULT), 4096 * 2 + 100)

        then:
        with(fixture.bean(VaultMaintenance).checkIntegrity(carol.user, carol.key)) {
            !vaultOk()
            blobsOk()
            !details().isEmpty()
        }
    }

    def "a damaged backup is refused by restore and the live vault stays as it was"() {
        given:
        def dave = fixture.newVault()
        fixture.inVault(dave) { (1..200).each { metadata.put("k$it", 'y' * 100) } }
        def backup = backups.create(dave.user, dave.key, BackupKind.MANUAL)
        fixture.inVault(dave) { metadata.put('after', 'the backup') }
        scribble(backupDir(dave, backup.name()).resolve('vault.db'), 4096 * 2 + 100)

        when:
        backups.restore(dave.user, dave.key, backup.name())

        then:
        def refused = thrown(ConflictException)
        refused.code() == 'backup.corrupt'
        fixture.inVault(dave) { metadata.get('after') } == Optional.of('the backup')
    }

    def "unknown and malicious backup names are simply not found"() {
        given:
        def erin = fixture.newVault()

        when:
        backups.restore(erin.user, erin.key, name)

        then:
        thrown(NotFoundException)
        !backups.delete(erin.user, name)

        where:
        name << ['20990101T000000000Z', '../users', '..', '.tmp-20990101T000000000Z', '%2e%2e', '']
    }

    def "retention keeps at most max_count and nothing older than max_age_days, but never the newest"() {
        given:
        def frank = fixture.newVault()
        def dir = fixture.vaults.layout().backupDir(frank.user)
        def now = Instant.parse('2026-11-23T12:00:00Z')
        // Backups "from" 10, 5, 3 and 1 days ago, made by copying a real one under older names.
        def real = backups.create(frank.user, frank.key, BackupKind.MANUAL)
        [10, 5, 3, 1].each { days -> copyBackup(dir, real.name(), BackupNames.forTime(now - Duration.ofDays(days))) }
        def newest = BackupNames.forTime(now)
        copyBackup(dir, real.name(), newest)
        backups.delete(frank.user, real.name())

        when: 'keep at most 3, none older than 7 days'
        def deleted = backups.applyRetention(frank.user, new BackupPolicy(true, 3, 7), newest, now)

        then:
        deleted == 2
        backups.list(frank.user)*.createdAt() == [now, now - Duration.ofDays(1), now - Duration.ofDays(3)]

        when: 'limits of 1, and a clock ten days on: only the one just written survives'
        def deletedLater = backups.applyRetention(frank.user, new BackupPolicy(true, 1, 1), newest, now + Duration.ofDays(10))

        then:
        deletedLater == 2
        backups.list(frank.user)*.name() == [newest]
    }

    def "temporary files of a backup that died over an hour ago are removed"() {
        given:
        def gina = fixture.newVault()
        def dir = fixture.vaults.layout().backupDir(gina.user)
        Files.createDirectories(dir.resolve('.tmp-20200101T000000000Z'))
        Files.createDirectories(dir.resolve('.tmp-fresh'))
        Files.setLastModifiedTime(dir.resolve('.tmp-20200101T000000000Z'), java.nio.file.attribute.FileTime.from(Instant.now() - Duration.ofHours(2)))

        when:
        backups.applyRetention(gina.user, BackupPolicy.DEFAULT, 'none', Instant.now())

        then:
        !Files.exists(dir.resolve('.tmp-20200101T000000000Z'))
        Files.exists(dir.resolve('.tmp-fresh'))
    }

    def "two users back up in parallel; backups of one user in a row get distinct names"() {
        given:
        def hank = fixture.newVault()
        def ivy = fixture.newVault()
        fixture.inVault(hank) { (1..300).each { metadata.put("k$it", 'z' * 200) } }
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(2)

        when:
        def futures = [hank, ivy].collect { vault ->
            pool.submit({ start.await(); (1..3).collect { backups.create(vault.user, vault.key, BackupKind.MANUAL) } } as Callable)
        }
        start.countDown()
        def results = futures*.get()

        then:
        results.flatten().every { it.verified() }
        results.every { it*.name().toSet().size() == 3 }
        backups.list(hank.user).size() == 3
        backups.list(ivy.user).size() == 3

        cleanup:
        pool.shutdown()
    }

    def "a backup keeps the KDF row beside its copies, so the password alone opens it with stock tools"() {
        given:
        def jack = fixture.newVault()
        fixture.inVault(jack) { metadata.put('note', 'in the backup') }

        when:
        def backup = backups.create(jack.user, jack.key, BackupKind.MANUAL)
        def dir = backupDir(jack, backup.name())

        then:
        KdfRowFile.read(dir.resolve(KdfRowFile.NAME)) == Optional.of(TEST_KDF)
        opens(dir.resolve('vault.db'), jack.key, VaultFile.VAULT)
        opens(dir.resolve('blobs.db'), jack.key, VaultFile.BLOBS)

        and: 'what the list says: why, when and how it was verified, and that its source was sound'
        with(backups.list(jack.user).first()) {
            kind() == BackupKind.MANUAL
            sourceIntact() == Optional.of(true)
            verification() == 'quick_check'
            verifiedAt() != null
            verified()
        }
    }

    def "a copy damaged or cut short on disk is no longer listed as verified"() {
        given:
        def kate = fixture.newVault()
        def backup = backups.create(kate.user, kate.key, BackupKind.MANUAL)
        def copy = backupDir(kate, backup.name()).resolve('vault.db')

        when:
        Files.newByteChannel(copy, StandardOpenOption.WRITE).withCloseable { it.truncate(Files.size(copy) - 4096) }

        then:
        !backups.list(kate.user).first().verified()

        when: 'a restore reads every page of it'
        backups.restore(kate.user, kate.key, backup.name())

        then: 'refused, and the list says when and how it was checked'
        thrown(ConflictException)
        with(backups.list(kate.user).find { it.name() == backup.name() }) {
            !verified()
            verification() == 'integrity_check'
        }
    }

    def "retention never removes the newest backup whose source was intact, even with max_count 1"() {
        given: 'a good backup, then one of a vault whose integrity check failed (as its manifest records)'
        def liam = fixture.newVault()
        def good = backups.create(liam.user, liam.key, BackupKind.MANUAL)
        Thread.sleep(5)
        def damaged = backups.create(liam.user, liam.key, BackupKind.MANUAL)
        def manifest = backupDir(liam, damaged.name()).resolve('backup.properties')
        Files.writeString(manifest, Files.readString(manifest).replace('sourceIntact=true', 'sourceIntact=false'))

        when:
        backups.applyRetention(liam.user, new BackupPolicy(true, 1, 7), damaged.name(), Instant.now())

        then:
        backups.list(liam.user).find { it.name() == damaged.name() }.sourceIntact() == Optional.of(false)
        backups.list(liam.user)*.name() as Set == [good.name(), damaged.name()] as Set

        when: 'a later backup of a sound vault: the old good one may go now'
        Thread.sleep(5)
        def sound = backups.create(liam.user, liam.key, BackupKind.MANUAL)
        backups.applyRetention(liam.user, new BackupPolicy(true, 1, 7), sound.name(), Instant.now())

        then:
        backups.list(liam.user)*.name() == [sound.name()]
    }

    def "a restore first takes a safety backup of the live vault, so it can be undone"() {
        given:
        def mona = fixture.newVault()
        fixture.inVault(mona) { metadata.put('note', 'old') }
        def old = backups.create(mona.user, mona.key, BackupKind.MANUAL)
        Thread.sleep(5)
        fixture.inVault(mona) { metadata.put('note', 'new') }

        when:
        def safety = backups.restore(mona.user, mona.key, old.name())

        then:
        fixture.inVault(mona) { metadata.get('note') } == Optional.of('old')
        safety.get().kind() == BackupKind.BEFORE_RESTORE

        when: 'undo'
        backups.restore(mona.user, mona.key, safety.get().name())

        then:
        fixture.inVault(mona) { metadata.get('note') } == Optional.of('new')
    }

    def "a restore killed after its copies were in place is finished at recovery; one killed before is discarded"() {
        given:
        def nina = fixture.newVault()
        fixture.inVault(nina) { metadata.put('note', 'live') }
        fixture.vaults.close(nina.user)
        def live = fixture.vaults.layout().userDir(nina.user)
        def other = fixture.newVault()
        fixture.inVault(other) { metadata.put('note', 'copied') }
        fixture.vaults.close(other.user)

        when: 'copies of another vault staged, marker missing (killed before it was written)'
        VaultFile.values().each { Files.copy(fixture.vaults.layout().file(other.user, it), live.resolve(it.fileName() + '.restore')) }
        fixture.vaults.recoverInterrupted(nina.user, false)

        then: 'discarded: the live vault is as it was'
        fixture.inVault(nina) { metadata.get('note') } == Optional.of('live')
        Files.list(live).withCloseable { it.noneMatch { it.fileName.toString().contains('.restore') } }
    }

    def "leftovers of a backup killed half-way are removed at recovery, however young"() {
        given:
        def olga = fixture.newVault()
        def dir = fixture.vaults.layout().backupDir(olga.user)
        Files.createDirectories(dir.resolve('.tmp-20990101T000000000Z'))

        when:
        fixture.vaults.recoverInterrupted(olga.user, false)

        then:
        !Files.exists(dir.resolve('.tmp-20990101T000000000Z'))
    }

    def "a deleted backup is renamed away before its files go: cut short there, it is never listed and recovery removes it"() {
        given:
        def pia = fixture.newVault()
        def kept = backups.create(pia.user, pia.key, BackupKind.MANUAL).name()
        def doomed = backups.create(pia.user, pia.key, BackupKind.MANUAL).name()
        def dir = fixture.vaults.layout().backupDir(pia.user)

        when: 'one deletion runs to its end'
        def deleted = backups.delete(pia.user, kept)

        then: 'nothing of it is left, not even its temporary name'
        deleted
        Files.list(dir).withCloseable { it.toList()*.fileName*.toString() } == [doomed]

        when: 'another is cut short right after its rename, as a kill would leave it'
        Files.move(dir.resolve(doomed), dir.resolve(".tmp-removing-${doomed}"))

        then: 'the half-removed backup is not listed, nor found by name'
        backups.list(pia.user).isEmpty()
        !backups.delete(pia.user, doomed)

        when:
        fixture.vaults.recoverInterrupted(pia.user, false)

        then:
        !Files.exists(dir.resolve(".tmp-removing-${doomed}"))
    }

    def "a listing of a user whose backup directory is gone, or holds a file under a backup name, answers what is whole"() {
        given:
        def quinn = fixture.newVault()
        def dir = fixture.vaults.layout().backupDir(quinn.user)

        expect: 'no directory: no backups'
        backups.list(quinn.user).isEmpty()

        when:
        Files.createDirectories(dir)
        Files.write(dir.resolve('20990101T000000000Z'), [1] as byte[])
        def real = backups.create(quinn.user, quinn.key, BackupKind.MANUAL).name()

        then:
        backups.list(quinn.user)*.name() == [real]
    }

    private List<Path> liveFiles(PersistenceFixture.UserVault vault, VaultFile file) {
        def main = fixture.vaults.layout().file(vault.user, file)
        [main, Path.of("${main}-wal"), Path.of("${main}-shm")]
    }

    private Path backupDir(PersistenceFixture.UserVault vault, String name) {
        fixture.vaults.layout().backupDir(vault.user).resolve(name)
    }

    /** Overwrites 16 bytes at {@code offset}: what a bad sector or a stray write would do. */
    private static void scribble(Path file, long offset) {
        Files.newByteChannel(file, StandardOpenOption.WRITE).withCloseable { channel ->
            channel.position(offset)
            channel.write(ByteBuffer.wrap(('X' * 16).getBytes('US-ASCII')))
        }
    }

    private static void copyBackup(Path dir, String from, String to) {
        Files.createDirectories(dir.resolve(to))
        VaultFile.values().each { Files.copy(dir.resolve(from).resolve(it.fileName()), dir.resolve(to).resolve(it.fileName())) }
    }
}
