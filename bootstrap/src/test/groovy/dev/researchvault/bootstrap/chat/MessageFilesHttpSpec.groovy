package dev.researchvault.bootstrap.chat

/**
 * Files of messages over HTTP: upload as JSON and as multipart, download with ETag and 304, 404s, the size
 * limit (small here, so the spec stays quick: 64 KiB), chat deletion and encryption at rest.
 */
class MessageFilesHttpSpec extends MessageFilesSpecSupport {

    static final int LIMIT = 64 * 1024

    @Override
    Map<String, Object> extraProperties() {
        ['files.max-file-size': "${LIMIT}B".toString()]
    }

    User alice = user('alice')

    Reply postJson(String chat, Map body, User who = alice) {
        post("/api/v1/chats/$chat/messages", body, who.token)
    }

    Reply download(String message, Object index, String suffix = '', User who = alice, Map headers = [:]) {
        get("/api/v1/messages/$message/files/$index$suffix", who.token, headers)
    }

    def 'a JSON message with a file and a thumbnail stores metadata and serves the bytes'() {
        given:
        String chat = newChat(alice)
        byte[] pdf = (0..255).collect { it as byte } as byte[]
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 13, 10, 26, 10, 1, 2, 3] as byte[]

        when:
        Reply posted = postJson(chat, [role: 'user', content: 'see attached',
                                       files: [[name: 'all-bytes.bin', mime: 'application/pdf', data: base64(pdf),
                                                thumbnail: base64(png)]]])

        then:
        posted.status == 201
        posted.json.files == [[index: 0, name: 'all-bytes.bin', mime: 'application/pdf', size: 256, hasThumbnail: true]]

        when:
        String id = posted.json.id
        Reply file = download(id, 0)
        Reply thumb = download(id, 0, '/thumbnail')

        then:
        file.status == 200
        file.bytes == pdf
        file.contentType == 'application/pdf'
        file.header('Content-Length') == '256'
        file.header('ETag') ==~ /"[0-9a-f]{64}"/
        thumb.status == 200
        thumb.bytes == png
        thumb.contentType == 'image/png'
        blobKeys(alice) == ["$id/0", "$id/0.thumb"]*.toString()
        get("/api/v1/chats/$chat/messages", alice.token).json.items[0].files[0].size == 256
    }

    def 'a multipart message stores each file part in order, thumbnails by index'() {
        given:
        String chat = newChat(alice)

        when:
        Reply posted = postMultipart("/api/v1/chats/$chat/messages", [
                ['role', null, null, 'assistant'],
                ['content', null, null, 'two files'],
                ['files', 'notes.txt', 'text/plain; charset=utf-8', 'hello notes'],
                ['files', 'pic.jpg', 'image/jpeg', [0xFF, 0xD8, 0xFF, 0xE0] as byte[]],
                ['thumbnail.1', 'pic-small.jpg', 'image/jpeg', [0xFF, 0xD8, 0xFF, 0x01] as byte[]],
        ], alice.token)

        then:
        posted.status == 201
        posted.json.role == 'assistant'
        posted.json.content == 'two files'
        posted.json.files*.name == ['notes.txt', 'pic.jpg']
        posted.json.files*.size == [11, 4]
        // The framework hands out a part's media type without its parameters.
        posted.json.files*.mime == ['text/plain', 'image/jpeg']
        posted.json.files*.hasThumbnail == [false, true]

        and:
        String id = posted.json.id
        with(download(id, 0)) {
            text == 'hello notes'
            contentType == 'text/plain'
        }
        download(id, 1).bytes == [0xFF, 0xD8, 0xFF, 0xE0] as byte[]
        download(id, 1, '/thumbnail').bytes == [0xFF, 0xD8, 0xFF, 0x01] as byte[]
    }

    def 'multipart parts other than role, content, files and thumbnail.<n> are refused'() {
        given:
        String chat = newChat(alice)

        expect:
        with(postMultipart("/api/v1/chats/$chat/messages", parts, alice.token)) {
            status == 400
            problem
            json.code == 'chat.invalid-multipart'
        }
        blobKeys(alice).isEmpty()

        where:
        parts << [
                [['role', null, null, 'user'], ['file', 'a.txt', 'text/plain', 'x']],
                [['role', null, null, 'user'], ['files', 'a.txt', 'text/plain', 'x'], ['thumbnail.3', 't.png', 'image/png', 'y']],
                [['role', null, null, 'user'], ['extra', null, null, 'x']],
        ]
    }

    def 'a download carries a strong ETag and If-None-Match answers 304 without a body'() {
        given:
        String id = postJson(newChat(alice), [role: 'user', files: [[name: 'a.txt', mime: 'text/plain; charset=utf-8', data: base64('abc'.bytes)]]]).json.id
        String etag = download(id, 0).header('ETag')

        expect:
        with(download(id, 0, '', alice, ['If-None-Match': ifNoneMatch.replace('TAG', etag)])) {
            status == expected
            header('ETag') == etag
            expected == 304 ? bytes.length == 0 : text == 'abc' && contentType == 'text/plain; charset=utf-8'
        }

        where:
        ifNoneMatch                 || expected
        'TAG'                       || 304
        'W/TAG'                     || 304
        '"other", TAG'              || 304
        '*'                         || 304
        '"0000"'                    || 200
    }

    def 'equal bytes give equal ETags, different bytes different ones'() {
        given:
        String chat = newChat(alice)
        def ids = ['same', 'same', 'other'].collect {
            postJson(chat, [role: 'user', files: [[name: 'f', mime: 'text/plain', data: base64(it.bytes)]]]).json.id
        }

        when:
        def tags = ids.collect { download(it, 0).header('ETag') }

        then:
        tags[0] == tags[1]
        tags[0] != tags[2]
    }

    def 'unknown messages, indexes and thumbnails are 404'() {
        given:
        String id = postJson(newChat(alice), [role: 'user', files: [[name: 'a', mime: 'text/plain', data: 'AA==']]]).json.id
        String textOnly = postJson(newChat(alice), [role: 'user', content: 'no files']).json.id

        expect:
        download(UUID.randomUUID().toString(), 0).status == 404
        download(id, 1).status == 404
        download(id, 0, '/thumbnail').status == 404
        download(textOnly, 0).status == 404
        download(id, 0, '/thumbnail').json.code == 'file.not-found'
    }

    def "another user's message id is 404 for them"() {
        given:
        String id = postJson(newChat(alice), [role: 'user', files: [[name: 'a', mime: 'text/plain', data: 'AA==']]]).json.id
        User mallory = user('mallory')

        expect:
        download(id, 0, '', mallory).status == 404
        download(id, 0, '', alice).status == 200
    }

    def 'a malformed id or index #path is a 4xx problem, never a server error'() {
        given:
        String id = postJson(newChat(alice), [role: 'user', files: [[name: 'a', mime: 'text/plain', data: 'AA==']]]).json.id

        when:
        Reply reply = get("/api/v1/messages/${path.replace('ID', id)}", alice.token)

        then:
        reply.status in [400, 404]
        reply.problem

        where:
        path << ['ID/files/-1', 'ID/files/01', 'ID/files/99999999999', 'ID/files/2147483648', 'ID/files/x',
                 'ID/files/%25', 'ID/files/_', 'ID/files/..', 'ID/files/%2F', 'ID/files/0%2F..', 'ID/files/+1',
                 'not-a-uuid/files/0', '%25/files/0', '_/files/0', '..%2F..%2Ffiles/files/0', 'ID/files/1e3']
    }

    def 'a file or thumbnail above the limit is 413 in #form form and nothing is stored'() {
        given:
        String chat = newChat(alice)
        byte[] tooLarge = new byte[LIMIT + 1]

        when:
        Reply reply = upload(this, chat, tooLarge)

        then:
        reply.status == 413
        reply.problem
        reply.json.code == 'file.too-large'
        blobKeys(alice).isEmpty()
        get("/api/v1/chats/$chat", alice.token).json.messageCount == 0

        where:
        form << ['JSON', 'multipart', 'JSON thumbnail', 'multipart thumbnail']
        upload << [
                { MessageFilesHttpSpec spec, String c, byte[] big -> spec.postJson(c, [role: 'user', files: [[name: 'big', mime: 'a/b', data: base64(big)]]]) },
                { MessageFilesHttpSpec spec, String c, byte[] big -> spec.postMultipart("/api/v1/chats/$c/messages", [['role', null, null, 'user'], ['files', 'big', 'a/b', big]], spec.alice.token) },
                { MessageFilesHttpSpec spec, String c, byte[] big -> spec.postJson(c, [role: 'user', files: [[name: 'f', mime: 'a/b', data: 'AA==', thumbnail: base64(big)]]]) },
                { MessageFilesHttpSpec spec, String c, byte[] big -> spec.postMultipart("/api/v1/chats/$c/messages", [['role', null, null, 'user'], ['files', 'f', 'a/b', 'x'], ['thumbnail.0', 't', 'image/png', big]], spec.alice.token) },
        ]
    }

    def 'a file of exactly the limit is accepted in both forms'() {
        given:
        String chat = newChat(alice)
        byte[] exact = new byte[LIMIT]
        new Random(7).nextBytes(exact)

        expect:
        postJson(chat, [role: 'user', files: [[name: 'max', mime: 'a/b', data: base64(exact)]]]).status == 201
        postMultipart("/api/v1/chats/$chat/messages", [['role', null, null, 'user'], ['files', 'max', 'a/b', exact]], alice.token).status == 201
    }

    def "deleting a chat deletes every blob of its messages and no other chat's"() {
        given:
        String doomed = newChat(alice, 'doomed')
        String kept = newChat(alice, 'kept')
        def file = [name: 'f', mime: 'image/png', data: 'AAEC', thumbnail: 'AwQ=', thumbnailMime: 'image/png']
        2.times { postJson(doomed, [role: 'user', files: [file, file]]) }
        String keptId = postJson(kept, [role: 'user', files: [file]]).json.id

        expect:
        blobKeys(alice).size() == 10

        when:
        Reply deleted = delete("/api/v1/chats/$doomed", alice.token)

        then:
        deleted.status == 204
        blobKeys(alice) == ["$keptId/0", "$keptId/0.thumb"]*.toString()
        download(keptId, 0).status == 200
    }

    def 'blobs.db and vault.db hold no plaintext of an uploaded text file'() {
        given:
        String secret = "Confidential minutes ${UUID.randomUUID()} — nobody may read this on disk"
        String chat = newChat(alice)

        when:
        postMultipart("/api/v1/chats/$chat/messages", [['role', null, null, 'user'], ['files', 'minutes.txt', 'text/plain', secret]], alice.token)
        postJson(chat, [role: 'user', files: [[name: 'm.txt', mime: 'text/plain', data: base64(secret.getBytes('UTF-8'))]]])

        then:
        blobKeys(alice).size() == 2
        ['blobs.db', 'blobs.db-wal', 'vault.db', 'vault.db-wal'].every { !contains(rawBytes(alice, it), secret.getBytes('UTF-8')) }
        ['blobs.db', 'blobs.db-wal'].any { rawBytes(alice, it).length > 0 }
    }
}
