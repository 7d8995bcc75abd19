package dev.researchvault.adapter.persistence.blob

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.adapter.persistence.vault.UnwrittenBlobStore
import dev.researchvault.application.blob.BlobUploadsContractSpec
import dev.researchvault.application.blob.ScopedBlobStore
import dev.researchvault.application.blob.ScopedBlobUploads
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.blob.BlobUploads
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.sql.Connection

/** The uploads contract on the real adapter, and what its rows look like on the way. */
class SqliteBlobUploadsSpec extends BlobUploadsContractSpec {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    PersistenceFixture.UserVault vault

    @Override
    void newStores() {
        vault = fixture.newVault()
        Closure inVault = { Closure work -> fixture.inVault(vault, work) }
        store = new ScopedBlobStore(fixture.bean(BlobStore), inVault)
        uploads = new ScopedBlobUploads(fixture.bean(BlobUploads), inVault)
    }

    def "a claim moves the chunks to their file without copying: the same rows, no upload row left"() {
        given:
        def upload = uploads.stage('video/mp4', Optional.empty(), new ByteArrayInputStream(new byte[3 * MiB]), NO_LIMIT, later)
        def chunkRowIds = rows('SELECT rowid FROM blob_chunk ORDER BY seq')

        when:
        uploads.claim(upload.id(), BlobKey.file(message, 0), now)

        then:
        rows('SELECT rowid FROM blob_chunk ORDER BY seq') == chunkRowIds
        rows('SELECT content FROM blob') == [[upload.id().toString()]]
        rows('SELECT count(*) FROM blob_upload') == [[0]]
    }

    def "the upload row goes in with the first chunk: none before it, and never a chunk without it"() {
        given: 'a body that notes, each time the store reads from it, what blobs.db holds committed'
        List<List<Object>> seen = []
        Closure note = { seen << rows('SELECT (SELECT count(*) FROM blob_upload), (SELECT count(*) FROM blob_chunk)')[0] }
        InputStream body = new FilterInputStream(new ByteArrayInputStream(new byte[2 * MiB + 5])) {
            @Override
            int read(byte[] into, int offset, int length) {
                note()
                return super.read(into, offset, length)
            }
        }

        when:
        uploads.stage('video/mp4', Optional.empty(), body, NO_LIMIT, later)

        then: 'nothing before the first chunk; then the row and one chunk more per read'
        seen.unique() == [[0, 0], [1, 1], [1, 2]]
        rows('SELECT count(*), sum(size IS NOT NULL) FROM blob_upload') == [[1, 1]]
    }

    def "an upload refused or broken off leaves no row and no chunk"() {
        when:
        uploads.stage('video/mp4', Optional.empty(), new ByteArrayInputStream(new byte[3 * MiB]),
                { long size -> if (size > MiB) throw new dev.researchvault.domain.LimitExceededException('file.too-large', 'x') },
                later)

        then:
        thrown(dev.researchvault.domain.LimitExceededException)
        rows('SELECT count(*) FROM blob_chunk') == [[0]]
        rows('SELECT count(*) FROM blob_upload') == [[0]]
    }

    def "an upload cut short by a crash (a row without size) is never found, and the sweep takes it with its chunks"() {
        given: 'what a kill while the bytes arrive leaves: the row, some chunks, no size (and, since the upload had begun, no "unwritten" row)'
        String id = UUID.randomUUID().toString()
        fixture.inVault(vault) { UnwrittenBlobStore.beforeWrite() }
        raw { Connection connection ->
            connection.createStatement().execute("INSERT INTO blob_upload (id, mime, created_at, expires_at) VALUES ('$id', 'x/y', 'now', ${later.toEpochMilli()})")
            Chunks.insert(connection, id, 0, new byte[10])
        }

        expect:
        uploads.find(UUID.fromString(id), now).isEmpty()
        uploads.removeExpired(later) == 1
        rows('SELECT count(*) FROM blob_chunk') == [[0]]
    }

    private List<List<Object>> rows(String sql) {
        new RawBlobRows(fixture, vault).rows(sql)
    }

    private <T> T raw(Closure<T> work) {
        new RawBlobRows(fixture, vault).withConnection(work)
    }
}
