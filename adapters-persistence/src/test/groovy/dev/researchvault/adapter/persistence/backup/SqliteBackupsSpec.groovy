package dev.researchvault.adapter.persistence.backup

import dev.researchvault.adapter.persistence.support.PersistenceFixture
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
import spock.lang.Specification

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

/** Backups on real encrypted files: round trip, encryption, corruption, retention, concurrency. */
class SqliteBackupsSpec extends Specification {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    SqliteBackups backups = fixture.bean(SqliteBackups)
    VaultMetadata metadata = fixture.bean(VaultMetadata)
    BlobStore blobs = fixture.bean(BlobStore)

    def "round trip: back up, lose the live files, restore; every row and blob is back and intact"() {
        given:
        def alice = fixture.newVault()
        def message = UUID.randomUUID()
        byte[] picture = (0..255) as byte[]
        fixture.inVault(alice) {
            metadata.put('note', 'precious')
            blobs.save(BlobKey.file(message, 0), 'image/png', picture)
        }
        def backup = backups.create(alice.user, alice.key)

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
        def backup = backups.create(bob.user, bob.key)
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
        def backup = backups.create(dave.user, dave.key)
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
        def real = backups.create(frank.user, frank.key)
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

    def "20 concurrent backups of one user never fail and share at most two runs; two users in parallel"() {
        given:
        def hank = fixture.newVault()
        def ivy = fixture.newVault()
        fixture.inVault(hank) { (1..300).each { metadata.put("k$it", 'z' * 200) } }
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(22)

        when:
        def futures = (1..20).collect { pool.submit({ start.await(); backups.create(hank.user, hank.key) } as Callable) } +
                [pool.submit({ start.await(); backups.create(ivy.user, ivy.key) } as Callable)]
        start.countDown()
        def results = futures*.get()

        then:
        results.every { it.verified() }
        results[0..19]*.name().toSet().size() <= 2
        backups.list(hank.user).size() == results[0..19]*.name().toSet().size()
        backups.list(ivy.user).size() == 1

        cleanup:
        pool.shutdown()
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
