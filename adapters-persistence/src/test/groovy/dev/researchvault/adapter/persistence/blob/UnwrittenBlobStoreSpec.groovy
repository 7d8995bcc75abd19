package dev.researchvault.adapter.persistence.blob

import dev.researchvault.adapter.persistence.support.OpenDescriptors
import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.adapter.persistence.vault.CurrentVault
import dev.researchvault.adapter.persistence.vault.UnwrittenBlobStore
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.blob.BlobUploads
import dev.researchvault.domain.blob.UploadLimit
import java.sql.Connection
import java.time.Instant
import spock.lang.AutoCleanup
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification

/**
 * The login's blob upkeep (expired uploads, then the owners of blobs) on a vault whose blobs.db has never been
 * written answers from vault.db's "unwritten" row without opening blobs.db (a connection is ≈ 270 KiB of native
 * memory while it stays open); the first file or upload ends that state for good, and vaults without the row (created
 * before it) are read as before. Open connections are counted as the file descriptors of this process on blobs.db.
 */
@Requires({ os.linux })
class UnwrittenBlobStoreSpec extends Specification {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    PersistenceFixture.UserVault vault = fixture.newVault()
    Instant now = Instant.now()

    def "a new vault's upkeep finds nothing to do and opens no blobs.db connection"() {
        when:
        def answers = fixture.inVault(vault) {
            [expired: uploads().removeExpired(now), owners: store().owners(Optional.empty(), 10),
             blobsConnections: openDescriptors(VaultFile.BLOBS), vaultConnections: openDescriptors(VaultFile.VAULT)]
        }

        then:
        answers == [expired: 0, owners: [], blobsConnections: 0, vaultConnections: 1]
        unwritten()
    }

    def "the first saved file ends the unwritten state: the upkeep reads blobs.db from then on"() {
        given:
        def owner = UUID.randomUUID()

        when:
        fixture.inVault(vault) { store().save(BlobKey.file(owner, 0), 'text/plain', 'x'.bytes) }

        then:
        !unwritten()
        fixture.inVault(vault) { store().owners(Optional.empty(), 10) } == [owner]
        openDescriptors(VaultFile.BLOBS) > 0
    }

    def "the first staged upload ends it too, so an upload nobody claims still expires"() {
        when:
        fixture.inVault(vault) {
            uploads().stage('text/plain', Optional.empty(), new ByteArrayInputStream('x'.bytes), { long size -> } as UploadLimit,
                    now.minusSeconds(1))
        }

        then:
        !unwritten()
        fixture.inVault(vault) { uploads().removeExpired(now) } == 1
    }

    def "a vault without the row (created before it, or after a crash between its deletion and the first write) is read as before"() {
        given: 'a blob written around the adapter, and no row'
        def owner = UUID.randomUUID()
        fixture.inVault(vault) {
            Connection connection = CurrentVault.connection(VaultFile.VAULT)
            try {
                connection.createStatement().executeUpdate("DELETE FROM vault_meta WHERE name = '${UnwrittenBlobStore.ROW}'")
            } finally {
                connection.close()
            }
        }
        new RawBlobRows(fixture, vault).withConnection { Connection connection ->
            connection.createStatement().executeUpdate(
                    "INSERT INTO blob (key, mime, size, sha256, created_at, data) VALUES ('${owner}/0', 'x/y', 1, NULL, 'now', x'00')")
        }

        expect:
        fixture.inVault(vault) { store().owners(Optional.empty(), 10) } == [owner]
    }

    private BlobStore store() {
        fixture.bean(BlobStore)
    }

    private BlobUploads uploads() {
        fixture.bean(BlobUploads)
    }

    private boolean unwritten() {
        fixture.inVault(vault) { UnwrittenBlobStore.isUnwritten() }
    }

    /** Descriptors of this process open on the vault's {@code file} itself (not its WAL or shared memory). */
    private int openDescriptors(VaultFile file) {
        OpenDescriptors.on(fixture.vaults.layout().file(vault.user, file))
    }
}
