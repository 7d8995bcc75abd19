package dev.researchvault.adapter.persistence.blob

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.application.blob.BlobStoreContractSpec
import dev.researchvault.application.blob.ScopedBlobStore
import dev.researchvault.application.blob.ScopedBlobUploads
import dev.researchvault.domain.blob.BlobUploads
import dev.researchvault.domain.blob.StoredBytes
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.sql.Connection
import java.time.Instant

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.open

/** The blob store contract on the real adapter: a Micronaut bean over an encrypted blobs.db. */
class SqliteBlobStoreSpec extends BlobStoreContractSpec {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    PersistenceFixture.UserVault vault

    @Override
    BlobStore newStore() {
        vault = fixture.newVault()
        scopedTo(vault)
    }

    BlobStore scopedTo(PersistenceFixture.UserVault owner) {
        new ScopedBlobStore(fixture.bean(BlobStore), { Closure work -> fixture.inVault(owner, work) })
    }

    def "another user's vault holds none of this user's blobs"() {
        given:
        store.save(BlobKey.file(messageA, 0), 'text/plain', 'mine'.bytes)
        def other = scopedTo(fixture.newVault())

        expect:
        !other.exists(BlobKey.file(messageA, 0))
        other.deleteByPrefix(BlobKey.prefixOf(messageA)) == 0
        store.exists(BlobKey.file(messageA, 0))
    }

    def "keys holding %, _ and \\ are matched literally by prefix deletion"() {
        given: 'rows written directly, since a BlobKey never contains these characters'
        def keys = ['a%b/0', 'a_b/0', 'a\\b/0', 'axb/0', 'aXb/0', 'A%b/0']
        insertRaw(keys)

        expect:
        store.deleteByPrefix('a%') == 1
        store.deleteByPrefix('a_') == 1
        store.deleteByPrefix('a\\') == 1
        store.deleteByPrefix('ax') == 1
        remainingRawKeys() == ['A%b/0', 'aXb/0']
    }

    def "prefix ranges stay exact around characters beyond the Basic Multilingual Plane"() {
        given:
        insertRaw(['p\uFFFF/0', 'p\uD83D\uDE00/0', 'p\uDBFF\uDFFF/0', 'p\uDBFF\uDFFFz/0', 'q/0'])

        expect:
        store.deleteByPrefix('p\uDBFF\uDFFF') == 2
        store.deleteByPrefix('p\uFFFF') == 1
        store.deleteByPrefix('p') == 1
        remainingRawKeys() == ['q/0']
    }

    def "keys that do not start with a canonical owner id are never listed as owners"() {
        given: 'rows written directly, since a BlobKey never has these forms'
        saveFiles(messageA, 1, false)
        saveFiles(messageB, 1, true)
        insertRaw(['0/0', 'a%b/0', messageA.toString().toUpperCase() + '/0', messageA.toString() + 'x/0',
                   messageB.toString(), 'a0a0a0a0-0000-4000-8000-00000000000a-/0', 'zzz'])

        expect:
        store.owners(Optional.empty(), 10) == [messageA, messageB]
        store.owners(Optional.empty(), 1) == [messageA]
        store.owners(Optional.of(messageA), 10) == [messageB]
    }

    def "many more prefixes than fit in one statement are all deleted"() {
        given:
        def messages = (1..PrefixDeletion.PREFIXES_PER_STATEMENT * 2 + 1).collect { UUID.randomUUID() }
        scopedRaw { Connection connection ->
            connection.autoCommit = false
            messages.each { insertRow(connection, BlobKey.file(it, 0).value()) }
            connection.commit()
        }
        saveFiles(messageA, 1, false)

        expect:
        store.deleteByPrefixes(messages.collect { BlobKey.prefixOf(it) }) == messages.size()
        remainingRawKeys() == [BlobKey.file(messageA, 0).value()]
    }

    def "a row carried over from schema V1 without a digest gets one on first read"() {
        given:
        insertRaw(['legacy/0'])
        def key = BlobKey.file(messageA, 0)
        scopedRaw { Connection connection -> connection.createStatement().execute("UPDATE blob SET key = '${key.value()}'") }

        when:
        def info = store.info(key).orElseThrow()

        then:
        info.digest().sha256Hex() == java.security.MessageDigest.getInstance('SHA-256').digest('raw'.bytes).encodeHex().toString()
        scopedRaw { Connection connection ->
            connection.createStatement().executeQuery('SELECT sha256 FROM blob').with { next(); getString(1) }
        } == info.digest().sha256Hex()
        store.get(key).orElseThrow().info() == info
    }

    def "a file above one chunk is a metadata row and 1 MiB chunks; one of a chunk or less stays one row"() {
        when:
        store.save(BlobKey.file(messageA, 0), 'video/mp4', randomBytes(Chunks.SIZE * 2 + 10))
        store.save(BlobKey.file(messageA, 1), 'video/mp4', randomBytes(Chunks.SIZE))

        then:
        rawRows('SELECT key, length(data), content IS NOT NULL FROM blob ORDER BY key') ==
                [[BlobKey.file(messageA, 0).value(), 0, 1], [BlobKey.file(messageA, 1).value(), Chunks.SIZE, 0]]
        rawRows('SELECT seq, length(data) FROM blob_chunk ORDER BY seq') == [[0, Chunks.SIZE], [1, Chunks.SIZE], [2, 10]]
    }

    def "replacing and deleting chunked files leave no chunk behind"() {
        given:
        def key = BlobKey.file(messageA, 0)

        when:
        store.save(key, 'video/mp4', randomBytes(Chunks.SIZE * 3))
        store.save(key, 'video/mp4', randomBytes(Chunks.SIZE + 1))

        then:
        rawRows('SELECT count(*) FROM blob_chunk') == [[2]]

        when:
        store.save(key, 'text/plain', 'small'.bytes)

        then:
        rawRows('SELECT count(*) FROM blob_chunk') == [[0]]

        when:
        store.save(key, 'video/mp4', randomBytes(Chunks.SIZE + 1))
        store.save(BlobKey.file(messageB, 0), 'video/mp4', randomBytes(Chunks.SIZE + 1))
        store.delete(key)

        then:
        rawRows('SELECT count(*) FROM blob_chunk') == [[2]]

        when:
        store.deleteByPrefix(BlobKey.prefixOf(messageB))

        then:
        rawRows('SELECT count(*) FROM blob_chunk') == [[0]]
    }

    def "a deleted file's chunks go after its row, in writes of their own, and nothing stays retired"() {
        given: 'a file of more than two batches of chunks'
        def key = BlobKey.file(messageA, 0)
        int chunks = RetiredChunks.PER_WRITE * 2 + 3
        store.save(key, 'video/mp4', randomBytes(Chunks.SIZE * chunks))

        when:
        store.delete(key)

        then:
        rawRows('SELECT count(*) FROM blob_chunk') == [[0]]
        rawRows('SELECT count(*) FROM blob_upload') == [[0]]
        !store.exists(key)
    }

    def "another write gets its turn between the batches of a large deletion"() {
        given: 'a file of four batches: the deletion zeroes 64 MiB of pages'
        def big = BlobKey.file(messageA, 0)
        int chunks = RetiredChunks.PER_WRITE * 4
        store.save(big, 'video/mp4', randomBytes(Chunks.SIZE * chunks))
        long deletedAt = 0

        when: 'a small file is saved as soon as the first batch is gone'
        def deletion = Thread.start { store.delete(big); deletedAt = System.nanoTime() }
        while (rawRows('SELECT count(*) FROM blob_chunk')[0][0] == chunks) {
            Thread.sleep(1)
        }
        store.save(BlobKey.file(messageB, 0), 'text/plain', 'meanwhile'.bytes)
        long savedAt = System.nanoTime()
        deletion.join()

        then: 'it did not wait for the whole deletion (one transaction until stop 18: it waited for all of it)'
        deletedAt > 0
        savedAt < deletedAt
        rawRows('SELECT count(*) FROM blob_chunk') == [[0]]
        store.get(BlobKey.file(messageB, 0)).orElseThrow().data() == 'meanwhile'.bytes
    }

    def "chunks a kill left retired are never an upload, count for nothing, and go with the expired uploads"() {
        given: 'what a kill right after a deletion committed leaves: no file row, its chunks, their content retired'
        def key = BlobKey.file(messageA, 0)
        store.save(key, 'video/mp4', randomBytes(Chunks.SIZE * (RetiredChunks.PER_WRITE + 3))) // two batches to sweep
        String content = rawRows("SELECT content FROM blob WHERE key = '${key.value()}'")[0][0]
        scopedRaw { Connection connection ->
            connection.createStatement().execute("INSERT INTO blob_upload (id, mime, created_at, expires_at) VALUES ('$content', 'application/octet-stream', 'now', 0)")
            connection.createStatement().execute("DELETE FROM blob WHERE key = '${key.value()}'")
        }
        def uploads = new ScopedBlobUploads(fixture.bean(BlobUploads), { Closure work -> fixture.inVault(vault, work) })

        expect:
        uploads.find(UUID.fromString(content), Instant.now()).isEmpty()
        fixture.inVault(vault) { fixture.bean(StoredBytes).total() } == 0L

        when:
        int swept = uploads.removeExpired(Instant.now())

        then: 'the chunks and the row go, and no upload is counted as expired: it was none'
        swept == 0
        rawRows('SELECT count(*) FROM blob_chunk') == [[0]]
        rawRows('SELECT count(*) FROM blob_upload') == [[0]]
    }

    def "a failed save of a large file leaves no chunk behind"() {
        when:
        store.save(BlobKey.file(messageA, 0), 'video/mp4', Chunks.SIZE * 3, brokenAfter(Chunks.SIZE * 2 + 1))

        then:
        thrown(dev.researchvault.domain.RuleViolationException)
        rawRows('SELECT count(*) FROM blob_chunk') == [[0]]
        rawRows('SELECT count(*) FROM blob') == [[0]]
    }

    def "a stream of a chunked file replaced while it is read fails rather than go on with the new bytes"() {
        given:
        def key = BlobKey.file(messageA, 0)
        store.save(key, 'video/mp4', randomBytes(Chunks.SIZE * 3))
        def open = store.openStream(key).orElseThrow()
        open.content().readNBytes(10)

        when:
        store.save(key, 'video/mp4', randomBytes(Chunks.SIZE * 3))
        open.content().readNBytes(Chunks.SIZE * 2)

        then:
        thrown(IOException)

        cleanup:
        open?.close()
    }

    def "a row stored before chunks (V2) reads as before"() {
        given: 'a 2 MiB row with its bytes inline, as every file was stored before V3'
        byte[] bytes = randomBytes(Chunks.SIZE * 2)
        def key = BlobKey.file(messageA, 0)
        scopedRaw { Connection connection ->
            connection.prepareStatement("INSERT INTO blob (key, mime, size, sha256, created_at, data) VALUES (?, 'x/y', ?, NULL, 'now', ?)").with {
                setString(1, key.value())
                setLong(2, bytes.length)
                setBytes(3, bytes)
                executeUpdate()
                close()
            }
        }

        expect:
        store.openStream(key).orElseThrow().withCloseable { it.content().readAllBytes() } == bytes
        store.get(key).orElseThrow().data() == bytes
        store.info(key).orElseThrow().digest() == dev.researchvault.domain.blob.BlobDigest.of(bytes)
        store.deleteByPrefix(BlobKey.prefixOf(messageA)) == 1
    }

    private List<List<Object>> rawRows(String sql) {
        new RawBlobRows(fixture, vault).rows(sql)
    }

    private void insertRaw(List<String> keys) {
        scopedRaw { Connection connection -> keys.each { insertRow(connection, it) } }
    }

    private static void insertRow(Connection connection, String key) {
        connection.prepareStatement("INSERT INTO blob (key, mime, size, sha256, created_at, data) VALUES (?, 'x/y', 3, NULL, 'now', ?)").with {
            setString(1, key)
            setBytes(2, 'raw'.bytes)
            executeUpdate()
            close()
        }
    }

    private List<String> remainingRawKeys() {
        rawRows('SELECT key FROM blob ORDER BY key').collect { it[0] as String }
    }

    private <T> T scopedRaw(Closure<T> work) {
        new RawBlobRows(fixture, vault).withConnection(work)
    }
}
