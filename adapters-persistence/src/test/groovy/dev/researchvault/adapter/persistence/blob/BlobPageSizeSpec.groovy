package dev.researchvault.adapter.persistence.blob

import dev.researchvault.domain.backup.BackupKind
import dev.researchvault.adapter.persistence.backup.SqliteBackups
import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.adapter.persistence.vault.files.FileKeys
import dev.researchvault.adapter.persistence.vault.FlywaySchemaMigrator
import dev.researchvault.adapter.persistence.vault.files.SqlCipher
import dev.researchvault.adapter.persistence.vault.SqliteVaultMaintenance
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.openRaw

/**
 * blobs.db has 16 KiB SQLCipher pages (fewer, larger pages to encrypt per blob); vault.db keeps SQLCipher's
 * default 4 KiB. A blobs.db made before the change has 4 KiB pages and must keep working: read, write,
 * integrity check, backup and restore.
 */
class BlobPageSizeSpec extends Specification {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    static int pageSizeOf(Path file, byte[] rawKey, int cipherPageSize) {
        openRaw(file, rawKey, cipherPageSize).withCloseable { connection ->
            connection.createStatement().executeQuery('PRAGMA page_size').with { it.next(); it.getInt(1) }
        }
    }

    static boolean opensWith(Path file, byte[] rawKey, int cipherPageSize) {
        try {
            pageSizeOf(file, rawKey, cipherPageSize)
            true
        } catch (java.sql.SQLException notThisPageSize) {
            false
        }
    }

    def "a new vault's blobs.db has 16 KiB pages and its vault.db 4 KiB, as an independent SQLCipher 4 reader sees them"() {
        given:
        def vault = fixture.newVault()
        def layout = fixture.vaults.layout()
        def blobs = layout.file(vault.user, VaultFile.BLOBS)
        def main = layout.file(vault.user, VaultFile.VAULT)
        fixture.vaults.close(vault.user)

        expect:
        pageSizeOf(blobs, FileKeys.derive(vault.key, VaultFile.BLOBS), 16384) == 16384
        !opensWith(blobs, FileKeys.derive(vault.key, VaultFile.BLOBS), 4096)
        pageSizeOf(main, FileKeys.derive(vault.key, VaultFile.VAULT), 4096) == 4096
    }

    def "a blobs.db with the earlier 4 KiB pages still reads, writes, checks, backs up and restores, and keeps its pages"() {
        given: 'a vault whose blobs.db is replaced by one in the earlier format, holding one file'
        def vault = fixture.newVault()
        def layout = fixture.vaults.layout()
        def blobs = layout.file(vault.user, VaultFile.BLOBS)
        def rawKey = FileKeys.derive(vault.key, VaultFile.BLOBS)
        def key = BlobKey.file(UUID.randomUUID(), 0)
        byte[] earlier = 'stored before 16 KiB pages'.bytes
        fixture.vaults.close(vault.user)
        ['', '-wal', '-shm'].each { Files.deleteIfExists(Path.of(blobs.toString() + it)) }
        openRaw(blobs, rawKey, 4096).withCloseable { connection ->
            connection.createStatement().withCloseable { it.execute('PRAGMA journal_mode=WAL') }
            FlywaySchemaMigrator.migrate(VaultFile.BLOBS.migrations(), connection)
        }
        fixture.inVault(vault) { fixture.bean(BlobStore).save(key, 'text/plain', earlier) }
        def added = BlobKey.file(UUID.randomUUID(), 1)
        def settings = new SqlCipher.ConnectionSettings(5_000, 1024)
        def maintenance = new SqliteVaultMaintenance(layout, settings)
        def backups = new SqliteBackups(layout, settings, Clock.systemUTC(), fixture.vaults.openVaults(), fixture.vaults)

        when:
        fixture.inVault(vault) { fixture.bean(BlobStore).save(added, 'text/plain', new byte[100_000]) }
        def read = fixture.inVault(vault) { fixture.bean(BlobStore).get(key).orElseThrow().data() }
        def integrity = maintenance.checkIntegrity(vault.user, vault.key)
        def backup = backups.create(vault.user, vault.key, BackupKind.MANUAL)
        fixture.inVault(vault) { fixture.bean(BlobStore).delete(added) }
        backups.restore(vault.user, vault.key, backup.name())

        then:
        read == earlier
        integrity.blobsOk()
        fixture.inVault(vault) { fixture.bean(BlobStore).get(added).isPresent() }

        and: 'nothing converted it behind our back'
        fixture.vaults.close(vault.user)
        pageSizeOf(blobs, rawKey, 4096) == 4096
    }
}
