package dev.researchvault.bootstrap.file

import dev.researchvault.bootstrap.document.DocumentHttpSupport

/**
 * Byte ranges of file downloads on the real server (RFC 9110): what a browser seeking in a PDF or a video sends.
 * Document files and message files answer through the same code; both are asked here.
 */
class FileRangeHttpSpec extends DocumentHttpSupport {

    static final byte[] BYTES = (0..<1000).collect { (byte) (it % 251) } as byte[]

    String documentFile() {
        User owner = user('ranges')
        Map document = newDocument(owner, 'ranged', BYTES)
        token = owner.token
        "/api/v1/documents/${document.id}/file"
    }

    String messageFile() {
        User owner = user('ranges')
        String chat = newChat(owner)
        Reply posted = postMultipart("/api/v1/chats/${chat}/messages",
                [['role', null, null, 'user'], ['files', 'data.bin', 'application/octet-stream', BYTES]], owner.token)
        assert posted.status == 201: posted.text
        token = owner.token
        "/api/v1/messages/${posted.json.id}/files/0"
    }

    String token

    def '#kind: one range is 206 with exactly its bytes and Content-Range; a whole answer says it takes ranges'() {
        given:
        String path = this."$kind"()

        when:
        def whole = get(path, token)
        def part = get(path, token, [Range: range])

        then:
        whole.status == 200
        whole.header('Accept-Ranges') == 'bytes'
        part.status == 206
        part.bytes == BYTES[from..to] as byte[]
        part.header('Content-Range') == "bytes $from-$to/1000"
        part.header('Content-Length') == "${to - from + 1}"
        part.header('ETag') == whole.header('ETag')
        part.header('Accept-Ranges') == 'bytes'

        where:
        [kind, range, from, to] << [['documentFile', 'messageFile'], [
                ['bytes=0-99', 0, 99], ['bytes=900-', 900, 999], ['bytes=-10', 990, 999], ['bytes=500-5000', 500, 999]]]
                .combinations().collect { [it[0]] + it[1] }
    }

    def '#kind: a range outside the file is 416 problem+json with the size; nothing of the file is sent'() {
        given:
        String path = this."$kind"()

        when:
        def reply = get(path, token, [Range: 'bytes=1000-'])

        then:
        reply.status == 416
        reply.header('Content-Range') == 'bytes */1000'
        reply.header('Content-Type').startsWith('application/problem+json')
        reply.json.code == 'file.range-not-satisfiable'

        where:
        kind << ['documentFile', 'messageFile']
    }

    def 'several ranges, another unit or a malformed header (#range) get the whole file'() {
        given:
        String path = documentFile()

        when:
        def reply = get(path, token, [Range: range])

        then:
        reply.status == 200
        reply.bytes == BYTES

        where:
        range << ['bytes=0-9,20-29', 'items=0-9', 'bytes=9-0', 'bytes=x-y', 'bytes=-']
    }

    def 'If-Range with the current ETag gives the range; with another tag or a date, the whole file'() {
        given:
        String path = documentFile()
        String etag = get(path, token).header('ETag')

        expect:
        get(path, token, [Range: 'bytes=0-9', 'If-Range': etag]).status == 206
        get(path, token, [Range: 'bytes=0-9', 'If-Range': '"0000"']).with { status == 200 && bytes == BYTES }
        get(path, token, [Range: 'bytes=0-9', 'If-Range': 'Wed, 21 Oct 2015 07:28:00 GMT']).status == 200
    }

    def 'If-None-Match with the current tag is still 304, whatever the range'() {
        given:
        String path = documentFile()
        String etag = get(path, token).header('ETag')

        expect:
        get(path, token, [Range: 'bytes=0-9', 'If-None-Match': etag]).status == 304
    }
}
