package dev.researchvault.application.blob

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.blob.LegacyMessageFiles.LegacyFile
import dev.researchvault.application.blob.LegacyMessageFiles.MigratedFile
import dev.researchvault.domain.blob.BlobKey
import spock.lang.Specification

class LegacyFileMigrationSpec extends Specification {

    static final byte[] PNG_THUMB = [0x89, 0x50, 0x4E, 0x47, 13, 10, 26, 10, 1, 2, 3].collect { it as byte } as byte[]

    InMemoryBlobStore blobs = new InMemoryBlobStore()
    InMemoryLegacyMessageFiles rows = new InMemoryLegacyMessageFiles()
    LegacyFileMigration migration = new LegacyFileMigration(blobs, rows)

    /** The code under test runs inside the vault its caller bound; so does every feature here. */
    def setup() {
        InMemoryVaultScope.enter(InMemoryVaultScope.SOMEONE)
    }

    def cleanup() {
        InMemoryVaultScope.leave()
    }

    def "inline files and thumbnails move to the blob store, and the rows keep size and hasThumbnail"() {
        given:
        def message = UUID.randomUUID()
        rows.add(message, [inline(0, 'notes.txt', 'text/plain', 'hello'.bytes, PNG_THUMB),
                           inline(1, 'data.bin', 'application/octet-stream', new byte[0], null)])

        when:
        def report = migration.migrateAll()

        then:
        report == new LegacyFileMigration.Report(1, 2, 1, [])
        blobs.get(BlobKey.file(message, 0)).orElseThrow().data() == 'hello'.bytes
        blobs.get(BlobKey.file(message, 0)).orElseThrow().info().mime() == 'text/plain'
        blobs.get(BlobKey.thumbnail(message, 0)).orElseThrow().data() == PNG_THUMB
        blobs.info(BlobKey.thumbnail(message, 0)).orElseThrow().mime() == 'image/png'
        blobs.get(BlobKey.file(message, 1)).orElseThrow().data().length == 0
        !blobs.exists(BlobKey.thumbnail(message, 1))
        rows.migratedFiles(message) == [new MigratedFile(0, 'notes.txt', 'text/plain', 5, true),
                                        new MigratedFile(1, 'data.bin', 'application/octet-stream', 0, false)]
    }

    def "250 messages go in batches of 100"() {
        given:
        def messages = (1..250).collect { UUID.randomUUID() }
        messages.each { rows.add(it, [inline(0, 'a.txt', 'text/plain', it.toString().bytes, null)]) }

        when:
        def report = migration.migrateAll()

        then: 'three full or partial batches, and one empty read that ends the run'
        rows.batchesRead == 4
        report.messages() == 250
        messages.every { blobs.get(BlobKey.file(it, 0)).orElseThrow().data() == it.toString().bytes }
        messages.every { !rows.stillInline(it) }
    }

    def "a second run finds nothing to do and changes nothing"() {
        given:
        def message = UUID.randomUUID()
        rows.add(message, [inline(0, 'a.txt', 'text/plain', 'once'.bytes, PNG_THUMB)])
        migration.migrateAll()
        def keysAfterFirstRun = blobs.keys()

        when:
        def second = migration.migrateAll()

        then:
        second == new LegacyFileMigration.Report(0, 0, 0, [])
        blobs.keys() == keysAfterFirstRun
        rows.migratedFiles(message).size() == 1
    }

    def "a run interrupted after saving a message's blobs but before rewriting its row completes on the next run"() {
        given:
        def message = UUID.randomUUID()
        rows.add(message, [inline(0, 'a.txt', 'text/plain', 'again'.bytes, null)])
        rows.failMarkingOf = message

        when:
        migration.migrateAll()

        then:
        thrown(IllegalStateException)
        rows.stillInline(message)
        blobs.exists(BlobKey.file(message, 0))

        when:
        rows.failMarkingOf = null
        def report = migration.migrateAll()

        then:
        report.messages() == 1
        !rows.stillInline(message)
        blobs.get(BlobKey.file(message, 0)).orElseThrow().data() == 'again'.bytes
        blobs.keys() == [BlobKey.file(message, 0).value()]
    }

    def "a message with a file that cannot be decoded stays inline, is reported, and the others still move"() {
        given: 'ids in a known order, the broken one first'
        def broken = UUID.fromString('00000000-0000-4000-8000-000000000001')
        def fine = UUID.fromString('00000000-0000-4000-8000-000000000002')
        rows.add(broken, [inline(0, 'ok.txt', 'text/plain', 'fine'.bytes, null),
                          new LegacyFile(1, 'bad.txt', 'text/plain', 'not base64 !!', null)])
        rows.add(fine, [inline(0, 'b.txt', 'text/plain', 'b'.bytes, null)])

        when:
        def report = migration.migrateAll()

        then:
        report.failedMessages() == [broken]
        report.messages() == 1
        rows.stillInline(broken)
        !blobs.exists(BlobKey.file(broken, 0))
        blobs.exists(BlobKey.file(fine, 0))
    }

    def "a file whose stored media type could not go into a header fails its message before anything is saved"() {
        given:
        def message = UUID.randomUUID()
        rows.add(message, [inline(0, 'a', 'text/plain', 'a'.bytes, null), inline(1, 'b', 'text/plain\r\nX: 1', 'b'.bytes, null)])

        when:
        def report = migration.migrateAll()

        then:
        report.failedMessages() == [message]
        blobs.keys().isEmpty()
    }

    def "legacy text may be a data URL or carry line breaks: #description"() {
        expect:
        def decoded = LegacyBase64.decode(text)
        new String(decoded.bytes(), 'UTF-8') == 'hello world'
        decoded.mime() == mime

        where:
        description        | text                                          | mime
        'plain base64'     | 'aGVsbG8gd29ybGQ='                            | Optional.empty()
        'with line breaks' | 'aGVsbG8g\r\nd29y\nbGQ='                      | Optional.empty()
        'data URL'         | 'data:text/plain;base64,aGVsbG8gd29ybGQ='     | Optional.of('text/plain')
        'data URL, params' | 'data:text/plain;charset=utf-8;base64,aGVsbG8gd29ybGQ=' | Optional.of('text/plain')
    }

    def "a thumbnail's media type comes from its first bytes when nothing names it: #expected"() {
        expect:
        LegacyBase64.thumbnailMime(new LegacyBase64.Decoded(bytes.collect { it as byte } as byte[], Optional.empty())) == expected

        where:
        bytes                                   | expected
        [0x89] + ascii('PNG') + [1]             | 'image/png'
        [0xFF, 0xD8, 0xFF, 0xE0]                | 'image/jpeg'
        ascii('GIF89a')                         | 'image/gif'
        ascii('RIFF') + [0, 0, 0, 0] + ascii('WEBP') | 'image/webp'
        ascii('RIFF') + [0, 0, 0, 0] + ascii('WAVE') | 'application/octet-stream'
        [1, 2, 3]                               | 'application/octet-stream'
    }

    static List<Integer> ascii(String text) {
        text.bytes.collect { it as int }
    }

    static LegacyFile inline(int index, String name, String mime, byte[] data, byte[] thumbnail) {
        new LegacyFile(index, name, mime, data.encodeBase64().toString(), thumbnail?.encodeBase64()?.toString())
    }
}
