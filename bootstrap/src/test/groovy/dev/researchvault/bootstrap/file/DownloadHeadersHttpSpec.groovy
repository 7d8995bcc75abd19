package dev.researchvault.bootstrap.file

import dev.researchvault.bootstrap.document.DocumentHttpSupport

import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Instant
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.time.format.DateTimeFormatter

/**
 * What a browser needs of a download beyond its bytes (RFC 6266, RFC 9110): the name to save it under, when it was
 * stored (not 1970), and its length on HEAD. Document files and message files answer through the same code.
 */
class DownloadHeadersHttpSpec extends DocumentHttpSupport {

    static final byte[] BYTES = 'some stored bytes'.bytes

    def "a message file is an attachment under its name, with an ASCII fallback and the UTF-8 name"() {
        given:
        User owner = user('names')
        String chat = newChat(owner)
        Instant before = Instant.now().minusSeconds(2)
        // JSON, not multipart: a name with quotes would need the multipart header's own escaping.
        Reply posted = post("/api/v1/chats/${chat}/messages",
                [role: 'user', files: [[name: name, mime: 'text/plain', data: base64(BYTES)]]], owner.token)
        assert posted.status == 201: posted.text

        when:
        def reply = get("/api/v1/messages/${posted.json.id}/files/0", owner.token)

        then:
        reply.status == 200
        reply.header('Content-Disposition') == disposition
        lastModified(reply) >= before.epochSecond
        lastModified(reply) <= Instant.now().epochSecond

        where:
        name                | disposition
        'report.txt'        | "attachment; filename=\"report.txt\"; filename*=UTF-8''report.txt"
        'Größe "v2".txt'    | "attachment; filename=\"Gr__e _v2_.txt\"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20%22v2%22.txt"
        '報告.txt'          | "attachment; filename=\"__.txt\"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.txt"
    }

    def "a document file is an attachment under its title, with the time it was uploaded"() {
        given:
        User owner = user('docs')
        Map document = newDocument(owner, 'Annual report', BYTES)

        when:
        def reply = get("/api/v1/documents/${document.id}/file", owner.token)

        then:
        reply.status == 200
        reply.header('Content-Disposition') == "attachment; filename=\"Annual report\"; filename*=UTF-8''Annual%20report"
        lastModified(reply) == Instant.parse(document.createdAt).epochSecond
    }

    def "If-Modified-Since at or after the stored time is 304; before it, the file"() {
        given:
        User owner = user('since')
        Map document = newDocument(owner, 'Cached', BYTES)
        String path = "/api/v1/documents/${document.id}/file"
        String stored = get(path, owner.token).header('Last-Modified')
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(Instant.parse(document.createdAt).minusSeconds(3600), ZoneOffset.UTC))

        expect:
        get(path, owner.token, ['If-Modified-Since': stored]).status == 304
        get(path, owner.token, ['If-Modified-Since': earlier]).status == 200
    }

    def "HEAD answers the headers of a download with its length and no body"() {
        given:
        User owner = user('head')
        Map document = newDocument(owner, 'Headed', BYTES)
        String path = "/api/v1/documents/${document.id}/file"

        when:
        def builder = HttpRequest.newBuilder(URI.create("${server.URL}${path}"))
                .header('Authorization', "Bearer ${owner.token}").method('HEAD', HttpRequest.BodyPublishers.noBody())
        def head = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
        def got = get(path, owner.token)

        then:
        head.statusCode() == 200
        head.headers().firstValue('Content-Length').orElse(null) == "${BYTES.length}"
        head.headers().firstValue('ETag').orElse(null) == got.header('ETag')
        head.headers().firstValue('Content-Disposition').orElse(null) == got.header('Content-Disposition')
        head.body().length == 0
    }

    def "a thumbnail is shown inline"() {
        given:
        User owner = user('thumbs')
        String chat = newChat(owner)
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0] as byte[]
        Reply posted = postMultipart("/api/v1/chats/${chat}/messages",
                [['role', null, null, 'user'], ['files', 'photo.png', 'image/png', png],
                 ['thumbnail.0', 'thumb.png', 'image/png', png]], owner.token)
        assert posted.status == 201: posted.text

        expect:
        get("/api/v1/messages/${posted.json.id}/files/0/thumbnail", owner.token).header('Content-Disposition') == 'inline'
    }

    static long lastModified(Reply reply) {
        ZonedDateTime.parse(reply.header('Last-Modified'), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond()
    }
}
