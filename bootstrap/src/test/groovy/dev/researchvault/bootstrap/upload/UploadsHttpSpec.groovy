package dev.researchvault.bootstrap.upload

import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.bootstrap.chat.MessageFilesSpecSupport

import java.net.http.HttpRequest
import java.security.MessageDigest

/**
 * {@code POST /api/v1/uploads} on the real server: the raw body streamed into the vault, taken by a message by id
 * without copying, limits answered while the bytes arrive. The request size limit is set far below the file limit
 * here, so an upload above it passes only because the server raises it to follow {@code files.max-file-size}.
 */
class UploadsHttpSpec extends MessageFilesSpecSupport {

    static final int MiB = 1024 * 1024

    @Override
    Map<String, Object> extraProperties() {
        ['files.max-file-size': '4MB', 'micronaut.server.max-request-size': '1MB']
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size]
        new Random(size).nextBytes(bytes)
        bytes
    }

    /** Sends {@code bytes} raw; without a known length (chunked transfer) when {@code announce} is false. */
    Reply uploadRaw(User user, byte[] bytes, String type = 'video/mp4', String query = '?name=talk.mp4', boolean announce = true) {
        def publisher = announce ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofInputStream { new ByteArrayInputStream(bytes) }
        postUpload(user, publisher, type, query)
    }

    def "a raw upload is stored as it arrives, answered with id, size, digest and expiry, and a message takes it"() {
        given:
        User owner = user('uploads')
        byte[] bytes = randomBytes(3 * MiB + 17)

        when:
        Reply uploaded = uploadRaw(owner, bytes, 'video/mp4', '?name=talk.mp4', announce)

        then:
        uploaded.status == 201
        uploaded.json.size == bytes.length
        uploaded.json.sha256 == MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
        uploaded.json.mime == 'video/mp4'
        uploaded.json.name == 'talk.mp4'
        uploaded.json.expiresAt != null
        uploaded.header('Location') == "/api/v1/uploads/${uploaded.json.uploadId}"
        get(uploaded.header('Location'), owner.token).json == uploaded.json

        and: 'stored in chunks, and not a file of anything yet'
        rowsOf(owner, VaultFile.BLOBS, 'SELECT count(*) FROM blob_chunk') == [[4]]
        blobKeys(owner).isEmpty()

        when:
        String chat = newChat(owner)
        Reply posted = post("/api/v1/chats/${chat}/messages",
                [role: 'user', content: 'the recording', files: [[uploadId: uploaded.json.uploadId]]], owner.token)

        then:
        posted.status == 201
        posted.json.files == [[index: 0, name: 'talk.mp4', mime: 'video/mp4', size: bytes.length, hasThumbnail: false]]
        rowsOf(owner, VaultFile.BLOBS, 'SELECT count(*) FROM blob_chunk') == [[4]]
        rowsOf(owner, VaultFile.BLOBS, 'SELECT count(*) FROM blob_upload') == [[0]]

        when:
        String file = "/api/v1/messages/${posted.json.id}/files/0"
        Reply whole = get(file, owner.token)
        Reply range = get(file, owner.token, [Range: "bytes=${MiB - 2}-${MiB + 1}"])

        then:
        whole.status == 200
        whole.bytes == bytes
        whole.header('ETag') == "\"${uploaded.json.sha256}\""
        range.status == 206
        range.bytes == Arrays.copyOfRange(bytes, MiB - 2, MiB + 2)

        and: 'an upload is taken once'
        get(uploaded.header('Location'), owner.token).status == 404

        where:
        announce << [true, false]
    }

    def "an upload above the file limit is 413 file.too-large and nothing is kept, announced or not"() {
        given:
        User owner = user('uploads')

        when:
        Reply refused = uploadRaw(owner, new byte[4 * MiB + 1], 'application/zip', '', announce)

        then:
        refused.status == 413
        refused.problem
        refused.json.code == 'file.too-large'
        rowsOf(owner, VaultFile.BLOBS, 'SELECT count(*) FROM blob_upload') == [[0]]
        rowsOf(owner, VaultFile.BLOBS, 'SELECT count(*) FROM blob_chunk') == [[0]]

        where:
        announce << [true, false]
    }

    def "a file of exactly the limit goes through, though the configured request size limit is a quarter of it"() {
        expect:
        uploadRaw(user('uploads'), new byte[4 * MiB], 'application/zip', '').status == 201
    }

    def "without a session an upload is 401 and nothing is read into a vault"() {
        expect:
        uploadRaw(null, new byte[10]).status == 401
    }

    def "without a Content-Type the upload is application/octet-stream, and a bad name is 400"() {
        given:
        User owner = user('uploads')

        expect:
        uploadRaw(owner, 'x'.bytes, null, '').json.mime == 'application/octet-stream'
        uploadRaw(owner, 'x'.bytes, 'text/plain', '?name=' + 'n' * 256).json.code == 'upload.invalid-name'
    }

    def "a message naming #problem is refused and stores nothing"() {
        given:
        User owner = user('uploads')
        String chat = newChat(owner)
        String uploadId = uploadRaw(owner, 'abc'.bytes).json.uploadId
        Map file = fileOf(uploadId)

        when:
        Reply reply = post("/api/v1/chats/${chat}/messages", [role: 'user', files: [file]], owner.token)

        then:
        reply.status == status
        reply.json.code == code
        blobKeys(owner).isEmpty()

        where:
        problem                       | status | code                     | fileOf
        'an unknown upload'           | 404    | 'upload.not-found'       | { id -> [uploadId: UUID.randomUUID().toString()] }
        'a malformed upload id'       | 400    | 'chat.invalid-upload-id' | { id -> [uploadId: 'not-a-uuid'] }
        'an upload and bytes at once' | 400    | 'chat.invalid-file-data' | { id -> [uploadId: id, data: 'YWJj'] }
    }

    def "another user's upload id names nothing in the caller's vault"() {
        given:
        String uploadId = uploadRaw(user('ann'), 'abc'.bytes).json.uploadId
        User bob = user('bob')

        expect:
        get("/api/v1/uploads/${uploadId}", bob.token).status == 404
        post("/api/v1/chats/${newChat(bob)}/messages", [role: 'user', files: [[uploadId: uploadId]]], bob.token).status == 404
    }

    def "a document is made from an upload with JSON, its file the upload's bytes, its title the upload's name by default"() {
        given:
        User owner = user('uploads')
        byte[] bytes = randomBytes(2 * MiB + 3)
        String uploadId = uploadRaw(owner, bytes, 'application/pdf', '?name=paper.pdf').json.uploadId

        when:
        Reply created = post('/api/v1/documents/from-upload', [uploadId: uploadId, authors: 'Ann', year: 2021], owner.token)

        then:
        created.status == 201
        created.json.title == 'paper.pdf'
        created.json.authors == 'Ann'
        created.json.mime == 'application/pdf'
        created.json.size == bytes.length
        get("/api/v1/documents/${created.json.id}/file", owner.token).bytes == bytes
        post('/api/v1/documents/from-upload', [uploadId: uploadId], owner.token).json.code == 'upload.not-found'
        post('/api/v1/documents/from-upload', [title: 'no file'], owner.token).json.code == 'document.file-required'
        post('/api/v1/documents/from-upload', [uploadId: 'x'], owner.token).json.code == 'document.invalid-upload-id'
    }
}
