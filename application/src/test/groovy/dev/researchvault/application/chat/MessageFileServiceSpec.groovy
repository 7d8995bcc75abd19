package dev.researchvault.application.chat

import dev.researchvault.application.blob.FileDownload
import dev.researchvault.application.account.Session
import dev.researchvault.application.blob.BlobETags
import dev.researchvault.application.blob.InMemoryBlobStore
import dev.researchvault.application.blob.InMemoryLegacyMessageFiles
import dev.researchvault.application.blob.LegacyFileMigration
import dev.researchvault.application.blob.LegacyMessageFiles
import dev.researchvault.application.blob.LegacyMessageFiles.LegacyFile
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.blob.BlobDigest
import dev.researchvault.domain.blob.BlobInfo
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.blob.BlobStream
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageFile
import dev.researchvault.domain.chat.MessageRole
import spock.lang.Specification

import java.time.Instant

/** Downloads of message files: from the blob store, or from the row for a message not migrated yet; 304 and 404. */
class MessageFileServiceSpec extends Specification {

    static final byte[] PNG = [0x89, 0x50, 0x4E, 0x47, 13, 10, 26, 10, 7, 7].collect { it as byte } as byte[]

    /** The blob store of one vault, counting the streams it opens and able to lose a blob between two reads. */
    static class WatchedBlobStore extends InMemoryBlobStore {
        int streamsOpened
        /** When set, the blob is deleted right after its metadata is read: a chat deleted meanwhile. */
        boolean deleteAfterInfo

        @Override
        Optional<BlobInfo> info(BlobKey key) {
            Optional<BlobInfo> info = super.info(key)
            if (deleteAfterInfo) {
                delete(key)
            }
            info
        }

        @Override
        Optional<BlobStream> openStream(BlobKey key) {
            streamsOpened++
            super.openStream(key)
        }
    }

    Map<UserId, WatchedBlobStore> blobsOf = [:].withDefault { new WatchedBlobStore() }
    Map<UserId, InMemoryLegacyMessageFiles> legacyOf = [:].withDefault { new InMemoryLegacyMessageFiles() }
    RecordingVaultScope scope = new RecordingVaultScope()
    /** One port of each for everyone, as in production; the bound vault decides whose rows and blobs they touch. */
    ChatRepository messages = VaultPerUser.of(ChatRepository) { new InMemoryChatRepository() }
    BlobStore blobs = VaultPerUser.of(BlobStore) { blobsOf[InMemoryVaultScope.owner()] }
    LegacyMessageFiles legacy = VaultPerUser.of(LegacyMessageFiles) { legacyOf[InMemoryVaultScope.owner()] }
    MessageFileService service = new MessageFileService(scope.vaultWork(), messages, blobs, legacy)
    Session alice = TestSessions.of('alice')
    Session bob = TestSessions.of('bob')

    /** A message of {@code owner}'s with {@code files} in its row. */
    UUID message(List<MessageFile> files, Session owner = alice) {
        UUID id = UUID.randomUUID()
        InMemoryVaultScope.bind(owner.userId()) {
            messages.addMessage(new Message(id, UUID.randomUUID(), MessageRole.USER, 'see attached', files, Instant.EPOCH))
        }
        id
    }

    /** Stores file {@code index} of {@code messageId} (and its thumbnail) in {@code owner}'s blob store. */
    void store(UUID messageId, int index, byte[] bytes, byte[] thumbnail = null, Session owner = alice) {
        InMemoryVaultScope.bind(owner.userId()) {
            blobs.save(BlobKey.file(messageId, index), 'text/plain', bytes)
            if (thumbnail != null) {
                blobs.save(BlobKey.thumbnail(messageId, index), 'image/png', thumbnail)
            }
        }
    }

    /** A message whose file 0 is in the blob store: the row names it, the store holds its bytes. */
    UUID storedMessage(byte[] bytes, byte[] thumbnail = null, Session owner = alice) {
        UUID id = message([new MessageFile(0, 'notes.txt', 'text/plain', bytes.length, thumbnail != null)], owner)
        store(id, 0, bytes, thumbnail, owner)
        id
    }

    /** A message the legacy migration has not reached: its row holds file 0 inline. */
    UUID legacyMessage(String mime, String data, String thumbnail = null) {
        UUID id = message([new MessageFile(0, 'old.bin', mime, 0, thumbnail != null)])
        legacyOf[alice.userId()].add(id, [new LegacyFile(0, 'old.bin', mime, data, thumbnail)])
        id
    }

    FileDownload download(UUID messageId, int index = 0, boolean thumbnail = false, String ifNoneMatch = null) {
        service.download(alice, messageId, index, thumbnail, ifNoneMatch)
    }

    static String tagOf(byte[] bytes) {
        BlobETags.of(BlobDigest.of(bytes))
    }

    static byte[] bytesOf(FileDownload download) {
        ((FileDownload.Content) download).bytes().withCloseable { it.readAllBytes() }
    }

    def 'a stored file is streamed with its media type, its size and the entity tag of its bytes'() {
        given:
        UUID id = storedMessage('hello'.bytes)

        when:
        def download = download(id)

        then:
        download instanceof FileDownload.Content
        with(download as FileDownload.Content) {
            mime() == 'text/plain'
            size() == 5
            etag() == tagOf('hello'.bytes)
        }
        bytesOf(download) == 'hello'.bytes
    }

    def 'a thumbnail is streamed from its own blob'() {
        given:
        UUID id = storedMessage('hello'.bytes, PNG)

        when:
        def download = download(id, 0, true)

        then:
        with(download as FileDownload.Content) {
            mime() == 'image/png'
            size() == PNG.length
            etag() == tagOf(PNG)
        }
        bytesOf(download) == PNG
    }

    def 'If-None-Match naming the current tag (#header) is 304 Not Modified, and no stream is opened'() {
        given:
        UUID id = storedMessage('hello'.bytes)
        String tag = tagOf('hello'.bytes)

        when:
        def download = download(id, 0, false, header.replace('TAG', tag))

        then:
        download == new FileDownload.NotModified(tag)
        blobsOf[alice.userId()].streamsOpened == 0

        where:
        header << ['TAG', 'W/TAG', '*', '"other", TAG']
    }

    def 'If-None-Match naming another tag (#header) is answered with the bytes'() {
        given:
        UUID id = storedMessage('hello'.bytes)

        expect:
        bytesOf(download(id, 0, false, header)) == 'hello'.bytes

        where:
        header << [null, '', '"0000"', 'W/"0000", "1111"']
    }

    def 'a file deleted between its metadata read and its stream (its chat deleted meanwhile) is 404 file.not-found'() {
        given:
        UUID id = storedMessage('hello'.bytes)
        blobsOf[alice.userId()].deleteAfterInfo = true

        when:
        download(id)

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'file.not-found'
    }

    def 'a file that does not exist is 404 file.not-found: #what'() {
        given: 'the row decides which files exist; bytes under a key it does not list are strays'
        Map<String, UUID> messages = [withThumbnail: storedMessage('a'.bytes, PNG), without: storedMessage('b'.bytes),
                                      lost: message([new MessageFile(0, 'lost.txt', 'text/plain', 4, true)]),
                                      unknown: UUID.randomUUID()]
        InMemoryVaultScope.bind(alice.userId()) {
            blobs.save(BlobKey.thumbnail(messages.without, 0), 'image/png', PNG)
            blobs.save(BlobKey.file(messages.without, 1), 'text/plain', 'stray'.bytes)
        }
        legacyOf[alice.userId()].add(messages.without, [new LegacyFile(2, 'old.bin', 'text/plain', 'aGk=', 'aGk=')])

        when:
        download(messages[ofMessage], index, thumbnail)

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'file.not-found'

        where:
        what                                              | ofMessage       | index | thumbnail
        'a negative index'                                | 'withThumbnail' | -1    | false
        'the thumbnail of a negative index'               | 'withThumbnail' | -1    | true
        'an index the message does not have'              | 'withThumbnail' | 1     | false
        'a thumbnail of an index it lacks'                | 'withThumbnail' | 1     | true
        'an unknown message'                              | 'unknown'       | 0     | false
        'a thumbnail the row does not list, though stored' | 'without'      | 0     | true
        'an index the row does not list, though stored'   | 'without'       | 1     | false
        'an index the row does not list, though inline'   | 'without'       | 2     | false
        'a file the row names whose bytes are nowhere'    | 'lost'          | 0     | false
        'a thumbnail the row names that is nowhere'       | 'lost'          | 0     | true
    }

    def "another user's message is 404 file.not-found, though the same download of her own works"() {
        given:
        UUID hers = storedMessage('hers'.bytes)
        UUID his = storedMessage('his'.bytes, null, bob)

        when:
        service.download(bob, hers, 0, false, null)

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'file.not-found'
        bytesOf(service.download(bob, his, 0, false, null)) == 'his'.bytes
        bytesOf(download(hers)) == 'hers'.bytes
    }

    def 'a message not migrated yet is served from its row: decoded bytes, the row media type, the tag of the bytes'() {
        given:
        UUID id = legacyMessage('text/csv', data)

        when:
        def download = download(id)

        then:
        with(download as FileDownload.Content) {
            mime() == 'text/csv'
            size() == 7
            etag() == tagOf('a,b\n1,2'.bytes)
        }
        bytesOf(download) == 'a,b\n1,2'.bytes

        where: 'plain base64, a data URL, and line breaks an old client put in'
        data << ['a,b\n1,2'.bytes.encodeBase64().toString(),
                 'data:text/plain;base64,' + 'a,b\n1,2'.bytes.encodeBase64(),
                 'YSxi\nCjEs\r\nMg==']
    }

    def 'a legacy thumbnail is served with the media type of its data URL, else of its first bytes'() {
        given:
        UUID id = legacyMessage('text/plain', 'aGk=', thumbnail)

        when:
        def download = download(id, 0, true)

        then:
        with(download as FileDownload.Content) {
            mime() == expectedMime
            etag() == tagOf(PNG)
        }
        bytesOf(download) == PNG

        where:
        thumbnail                                          || expectedMime
        PNG.encodeBase64().toString()                      || 'image/png'
        'data:image/webp;base64,' + PNG.encodeBase64()     || 'image/webp'
    }

    def 'a legacy media type that cannot go in a header is sent as application/octet-stream'() {
        given:
        UUID id = legacyMessage(mime, 'aGk=')

        expect:
        (download(id) as FileDownload.Content).mime() == 'application/octet-stream'

        where:
        mime << ['text/plain\r\nX-Injected: yes', '', 'tëxt/plain', null]
    }

    def 'If-None-Match naming the tag of a legacy file is 304, and the tag stays when the migration moves the bytes'() {
        given:
        UUID id = legacyMessage('text/plain', 'aGk=')
        String tag = tagOf('hi'.bytes)

        expect:
        download(id, 0, false, tag) == new FileDownload.NotModified(tag)

        when: 'the migration moves the bytes into the blob store'
        InMemoryVaultScope.bind(alice.userId()) { new LegacyFileMigration(blobs, legacy).migrateAll() }

        then: 'the same tag, now from the store: a client’s cached copy stays valid'
        download(id, 0, false, tag) == new FileDownload.NotModified(tag)
        (download(id) as FileDownload.Content).etag() == tag
        blobsOf[alice.userId()].keys() == [BlobKey.file(id, 0).value()]
    }

    def 'a legacy file that is not base64, or a legacy thumbnail the row lacks, is 404 file.not-found'() {
        given:
        UUID id = message([new MessageFile(0, 'old.bin', 'text/plain', 0, true)])
        legacyOf[alice.userId()].add(id, [new LegacyFile(0, 'old.bin', 'text/plain', data, thumbnail)])

        when:
        download(id, 0, asThumbnail)

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'file.not-found'

        where:
        data       | thumbnail  | asThumbnail
        'no!base64' | null      | false
        'aGk='     | 'no!base64' | true
        'aGk='     | null       | true
    }

    def "a download runs in the caller's vault, opened with the caller's key"() {
        given:
        UUID stored = storedMessage('hello'.bytes, PNG)
        UUID inline = legacyMessage('text/plain', 'aGk=')

        when:
        download(stored)
        download(stored, 0, true, tagOf(PNG))
        download(inline)

        then:
        scope.bindings.size() == 3
        scope.onlyBound(alice)
    }
}
