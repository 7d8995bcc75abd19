package dev.researchvault.bootstrap.document

import dev.researchvault.adapter.persistence.vault.VaultFile

import java.security.MessageDigest
import java.time.Instant

/** {@code /api/v1/documents}: upload, read, list, status, text, chunks, file download, deletion. */
class DocumentHttpSpec extends DocumentHttpSupport {

    @Override
    Map<String, Object> extraProperties() {
        ['files.max-file-size': '64KB']
    }

    User alice = user('docs')

    def 'an upload is complete in shape, pending, its bytes in blobs.db under <id>/0, and reads back the same'() {
        given:
        byte[] bytes = (0..<3000).collect { (byte) (it % 251) } as byte[]

        when:
        Reply reply = upload(alice, bytes, [title: 'Attention', authors: 'Vaswani et al.', year: '2017',
                                            sourceUrl: 'https://arxiv.org/abs/1706.03762'])

        then:
        reply.status == 201
        with(reply.json) {
            UUID.fromString(id)
            title == 'Attention'
            authors == 'Vaswani et al.'
            year == 2017
            sourceUrl == 'https://arxiv.org/abs/1706.03762'
            mime == 'application/pdf'
            size == 3000
            sha256 == MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
            status == 'pending'
            it.containsKey('error') && error == null
            groups == []
            Instant.parse(createdAt) == Instant.parse(updatedAt)
        }
        get("/api/v1/documents/${reply.json.id}", alice.token).json == reply.json
        keysOf(alice, reply.json.id) == ["${reply.json.id}/0".toString()]
        // Nothing of the bytes in vault.db: its rows hold metadata only.
        vaultColumnsHolding(reply.json.id as String).isEmpty()
    }

    def 'without a title the document is named after its file; empty text parts are as if absent'() {
        expect:
        with(upload(alice, 'x', [title: '', authors: '', year: ''], 'text/plain', 'notes.txt')) {
            status == 201
            json.title == 'notes.txt'
            json.authors == null
            json.year == null
        }
    }

    def 'the file comes back with its media type, length, a strong ETag, and 304 on If-None-Match'() {
        given:
        Map doc = newDocument(alice, 'downloadable', 'the bytes')

        when:
        Reply file = get("/api/v1/documents/${doc.id}/file", alice.token)

        then:
        file.status == 200
        file.text == 'the bytes'
        file.contentType == 'application/pdf'
        file.header('Content-Length') == '9'
        file.header('ETag') == "\"${doc.sha256}\""
        file.header('X-Content-Type-Options') == 'nosniff'

        when:
        Reply cached = get("/api/v1/documents/${doc.id}/file", alice.token, ['If-None-Match': file.header('ETag')])

        then:
        cached.status == 304
        cached.bytes.length == 0
        cached.header('ETag') == file.header('ETag')
    }

    def 'upload refusals: #why'() {
        when:
        Reply reply = postMultipart('/api/v1/documents', parts, alice.token)

        then:
        reply.status == status
        reply.problem
        reply.json.code == code

        where:
        why                 | parts                                                                      || status | code
        'no file'           | [['title', null, null, 'only a title']]                                    || 400    | 'document.file-required'
        'two files'         | [['file', 'a', 'text/plain', 'a'], ['file', 'b', 'text/plain', 'b']]       || 400    | 'document.invalid-multipart'
        'unknown part'      | [['file', 'a', 'text/plain', 'a'], ['files', 'b', 'text/plain', 'b']]      || 400    | 'document.invalid-multipart'
        'title twice'       | [['file', 'a', 'text/plain', 'a'], ['title', null, null, 'x'], ['title', null, null, 'y']] || 400 | 'document.invalid-multipart'
        'a bad year'        | [['file', 'a', 'text/plain', 'a'], ['year', null, null, '20x7']]           || 400    | 'document.invalid-year'
        'a year too large'  | [['file', 'a', 'text/plain', 'a'], ['year', null, null, '99999']]          || 400    | 'document.invalid-year'
        'a long title'      | [['file', 'a', 'text/plain', 'a'], ['title', null, null, 't' * 1001]]      || 400    | 'document.invalid-title'
        'too large'         | [['file', 'a', 'application/pdf', new byte[64 * 1024 + 1]]]               || 413    | 'file.too-large'
    }

    def 'a refused upload stores nothing'() {
        given:
        User bob = user('refused')

        when:
        postMultipart('/api/v1/documents', [['file', 'a', 'application/pdf', new byte[64 * 1024 + 1]]], bob.token)
        postMultipart('/api/v1/documents', [['file', 'a', 'text/plain', 'a'], ['year', null, null, 'x']], bob.token)

        then:
        blobKeys(bob).isEmpty()
        get('/api/v1/documents', bob.token).json.total == 0
    }

    def 'a processing engine moves the status on; illegal moves are 409 and change nothing'() {
        given:
        Map doc = newDocument(alice)
        String path = "/api/v1/documents/${doc.id}"

        expect:
        patch(path, [status: 'completed'], alice.token).json.code == 'document.illegal-status-change'
        patch(path, [status: 'completed'], alice.token).status == 409
        patch(path, [status: 'processing'], alice.token).json.status == 'processing'
        with(patch(path, [status: 'failed', error: 'cannot parse PDF'], alice.token).json) {
            status == 'failed'
            error == 'cannot parse PDF'
        }
        with(patch(path, [status: 'processing'], alice.token).json) {
            status == 'processing'
            error == null
        }
        patch(path, [error: 'only with failed'], alice.token).json.code == 'document.invalid-error'
        patch(path, [status: 'done'], alice.token).json.code == 'document.invalid-status'
        patch(path, [status: 'completed', title: 'Renamed', year: 1999], alice.token).json.status == 'completed'
        patch(path, [status: 'processing'], alice.token).status == 409
        with(get(path, alice.token).json) {
            status == 'completed'
            title == 'Renamed'
            year == 1999
        }
        patch(path, [year: ''], alice.token).json.year == null
        patch(path, [year: 20.5], alice.token).json.code == 'document.invalid-year'
    }

    def 'text is stored as text/plain or as JSON; chunks replace all and page in index order'() {
        given:
        Map doc = newDocument(alice)
        String base = "/api/v1/documents/${doc.id}"

        expect:
        putPlain("$base/text", 'plain text body, ünïcode', alice.token).status == 204
        vaultText(doc.id as String) == 'plain text body, ünïcode'
        put("$base/text", [text: 'json text'], alice.token).status == 204
        vaultText(doc.id as String) == 'json text'
        put("$base/text", [:], alice.token).json.code == 'document.invalid-text'

        when:
        Reply replaced = put("$base/chunks", (0..<5).collect { [index: 4 - it, text: "chunk ${4 - it}", startOffset: 0, endOffset: 5, metadata: [page: it]] }, alice.token)

        then:
        replaced.status == 204
        with(get("$base/chunks?page=1&size=2", alice.token).json) {
            items*.index == [2, 3]
            total == 5
            items[0] == [index: 2, text: 'chunk 2', startOffset: 0, endOffset: 5, metadata: [page: 2]]
        }

        when:
        put("$base/chunks", [[index: 9, text: 'only', startOffset: 1, endOffset: 2]], alice.token)

        then:
        get("$base/chunks", alice.token).json.items*.index == [9]
    }

    def 'bad chunks are 400 document.invalid-chunks and keep the chunks there were: #why'() {
        given:
        Map doc = newDocument(alice)
        String base = "/api/v1/documents/${doc.id}"
        put("$base/chunks", [[index: 0, text: 'kept', startOffset: 0, endOffset: 4]], alice.token)

        when:
        Reply reply = put("$base/chunks", body, alice.token)

        then:
        reply.status == 400
        reply.json.code == 'document.invalid-chunks'
        get("$base/chunks", alice.token).json.items*.text == ['kept']

        where:
        why              | body
        'repeated index' | [[index: 0, text: 'a', startOffset: 0, endOffset: 1], [index: 0, text: 'b', startOffset: 0, endOffset: 1]]
        'negative index' | [[index: -1, text: 'a', startOffset: 0, endOffset: 1]]
        'end before start' | [[index: 0, text: 'a', startOffset: 5, endOffset: 1]]
        'negative offset'  | [[index: 0, text: 'a', startOffset: -1, endOffset: 1]]
        'missing field'  | [[index: 0, text: 'a', startOffset: 0]]
        'empty text'     | [[index: 0, text: '', startOffset: 0, endOffset: 0]]
        'null element'   | [null]
        'not an array'   | [index: 0, text: 'a', startOffset: 0, endOffset: 1]
        'a string index' | [[index: 'zero', text: 'a', startOffset: 0, endOffset: 1]]
        'huge text'      | [[index: 0, text: 'x' * 100_001, startOffset: 0, endOffset: 1]]
    }

    def 'the list is newest first, filtered by status, group and text, and pages by cursor'() {
        given:
        User carol = user('lists')
        List<Map> docs = (1..5).collect { newDocument(carol, "Paper number $it") }
        patch("/api/v1/documents/${docs[1].id}", [status: 'processing'], carol.token)
        Map group = newGroup(carol, 'Reading list')
        put("/api/v1/document-groups/${group.id}/documents/${docs[3].id}", null, carol.token)

        when:
        Reply first = get('/api/v1/documents?size=2', carol.token)
        Reply second = get("/api/v1/documents?size=2&after=${first.json.next}", carol.token)

        then:
        first.json.items*.id == [docs[4].id, docs[3].id]
        first.json.total == 5
        second.json.items*.id == [docs[2].id, docs[1].id]
        get('/api/v1/documents?status=processing', carol.token).json.items*.id == [docs[1].id]
        get('/api/v1/documents?status=pending', carol.token).json.total == 4
        get("/api/v1/documents?groupId=${group.id}", carol.token).json.items*.id == [docs[3].id]
        get("/api/v1/documents?groupId=${group.id}", carol.token).json.items[0].groups == [[id: group.id, name: 'Reading list']]
        get('/api/v1/documents?q=NUMBER%203', carol.token).json.items*.id == [docs[2].id]
        get('/api/v1/documents?status=nope', carol.token).json.code == 'document.invalid-status'
        get("/api/v1/documents?groupId=$MISSING", carol.token).status == 404
        get('/api/v1/documents?groupId=not-an-id', carol.token).json.code == 'document-group.not-found'
        get("/api/v1/documents?after=${get('/api/v1/agents?size=1', carol.token).json.next ?: 'x'}", carol.token).status == 400
    }

    def 'deleting a document deletes its bytes, text, chunks and memberships; its groups stay'() {
        given:
        Map doc = newDocument(alice, 'doomed')
        Map kept = newDocument(alice, 'kept')
        Map group = newGroup(alice)
        put("/api/v1/document-groups/${group.id}/documents/${doc.id}", null, alice.token)
        put("/api/v1/documents/${doc.id}/text", [text: 'words'], alice.token)
        put("/api/v1/documents/${doc.id}/chunks", [[index: 0, text: 'w', startOffset: 0, endOffset: 1]], alice.token)

        when:
        Reply deleted = delete("/api/v1/documents/${doc.id}", alice.token)

        then:
        deleted.status == 204
        get("/api/v1/documents/${doc.id}", alice.token).status == 404
        get("/api/v1/documents/${doc.id}/file", alice.token).status == 404
        delete("/api/v1/documents/${doc.id}", alice.token).status == 404
        keysOf(alice, doc.id as String).isEmpty()
        keysOf(alice, kept.id as String).size() == 1
        get("/api/v1/document-groups/${group.id}", alice.token).json.documentCount == 0
        vaultRowsOf('document_text', doc.id as String) == 0
        vaultRowsOf('document_chunk', doc.id as String) == 0
    }

    def 'malformed and unknown ids are 404 document.not-found on every route: #method #path'() {
        expect:
        with(send(method, path.replace('ID', id), body, alice.token, headers)) {
            status == 404
            json.code == 'document.not-found'
        }

        where:
        [method, path, body, headers, id] << [
                [['GET', '/api/v1/documents/ID', null, [:]],
                 ['PATCH', '/api/v1/documents/ID', [title: 'x'], [:]],
                 ['DELETE', '/api/v1/documents/ID', null, [:]],
                 ['GET', '/api/v1/documents/ID/file', null, [:]],
                 ['PUT', '/api/v1/documents/ID/text', [text: 'x'], [:]],
                 ['PUT', '/api/v1/documents/ID/chunks', [], [:]],
                 ['GET', '/api/v1/documents/ID/chunks', null, [:]]],
                [MISSING, 'not-an-id', MISSING.toUpperCase()]
        ].combinations().collect { route, id -> route + [id] }
    }

    /** Columns of the document table that could hold bytes (BLOB): there should be none; the row must exist. */
    List<String> vaultColumnsHolding(String documentId) {
        assert rowsOf(alice, VaultFile.VAULT, "SELECT id FROM document WHERE id = '$documentId'").size() == 1
        rowsOf(alice, VaultFile.VAULT, "SELECT name FROM pragma_table_info('document') WHERE type = 'BLOB'").collect { it[0] as String }
    }

    /** PUT with a text/plain body. */
    Reply putPlain(String path, String text, String token) {
        def request = java.net.http.HttpRequest.newBuilder(URI.create("${server.URL}${path}"))
                .header('Content-Type', 'text/plain; charset=utf-8').header('Authorization', "Bearer ${token}")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(text, java.nio.charset.StandardCharsets.UTF_8)).build()
        new Reply(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()))
    }

    String vaultText(String documentId) {
        rowsOf(alice, VaultFile.VAULT, "SELECT text FROM document_text WHERE document_id = '$documentId'").collect { it[0] }[0] as String
    }

    int vaultRowsOf(String table, String documentId) {
        rowsOf(alice, VaultFile.VAULT, "SELECT COUNT(*) FROM $table WHERE document_id = '$documentId'")[0][0] as int
    }
}
