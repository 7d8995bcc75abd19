package dev.researchvault.bootstrap.chat

import dev.researchvault.bootstrap.support.LogCapture
import spock.lang.Shared

import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * Bodies sent as {@code multipart/form-data} that are not multipart at all: each is a 400
 * {@code request.malformed-multipart} (not a 413 "too large", not a 500), stores nothing and logs no failure.
 */
class MalformedMultipartHttpSpec extends MessageFilesSpecSupport {

    @Shared
    byte[] garbage = randomBytes(2048, 12)

    @Shared
    byte[] smallGarbage = randomBytes(300, 13)

    def "#body sent as '#contentType' is refused as malformed multipart, stores nothing and logs no failure"() {
        given:
        def user = user()
        def chat = newChat(user)
        def log = new LogCapture()

        when:
        def reply = postRaw("/api/v1/chats/${chat}/messages", contentType, bodies()[body], user.token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == 'request.malformed-multipart'
        reply.json.detail.contains('multipart')

        and:
        get("/api/v1/chats/${chat}/messages", user.token).json.total == 0
        blobKeys(user).isEmpty()
        !log.text().contains('event=request.failed')

        cleanup:
        log?.close()

        where:
        contentType                                        | body
        'multipart/form-data; boundary=x'                  | '2 KB of random bytes'
        'multipart/form-data'                              | '2 KB of random bytes'
        'multipart/form-data; charset=utf-8'               | '2 KB of random bytes'
        'multipart/form-data; boundary='                   | '2 KB of random bytes'
        'multipart/form-data; boundary=""'                 | '2 KB of random bytes'
        'multipart/form-data; boundary=' + 'b' * 71        | '2 KB of random bytes'
        'multipart/form-data; boundary=x'                  | '300 random bytes'
        'multipart/form-data; boundary=x'                  | 'nothing'
        'multipart/form-data; boundary=x'                  | 'a delimiter, then 2 KB of random bytes'
        'multipart/form-data; boundary=x'                  | 'a part without Content-Disposition'
        'multipart/form-data; boundary=x'                  | 'a part with a garbled Content-Disposition'
        'multipart/form-data'                              | 'a well-formed body'
        'multipart/form-data; boundary='                   | 'a well-formed body'
    }

    def "a well-formed multipart body with a quoted boundary is still accepted"() {
        given:
        def user = user()
        def chat = newChat(user)

        expect:
        postRaw("/api/v1/chats/${chat}/messages", 'multipart/form-data; boundary="x y"', wellFormed('x y'), user.token)
                .status == 201
    }

    def "a #method with a body declared multipart without a boundary is refused before any route reads it"() {
        given:
        def user = user()

        when:
        def reply = sendRaw(method, path, 'multipart/form-data', garbage, user.token)

        then:
        reply.status == 400
        reply.json.code == 'request.malformed-multipart'
        get('/api/v1/settings/llm.model', user.token).json.overridden == false

        where:
        method   | path
        'PUT'    | '/api/v1/settings/llm.model'
        'PATCH'  | '/api/v1/settings'
        'DELETE' | '/api/v1/settings/llm.model'
    }

    def "a GET reads no body, so a multipart type on one is no reason to refuse it"() {
        given:
        def user = user()

        expect: 'the filter is not on GET routes (it cost every read a path match and a filter call)'
        sendRaw('GET', '/api/v1/settings/llm.model', 'multipart/form-data', garbage, user.token).status == 200
    }

    def "a malformed multipart body without a session is still a 401"() {
        when:
        def reply = postRaw("/api/v1/chats/${UUID.randomUUID()}/messages", 'multipart/form-data', garbage, null)

        then:
        reply.status == 401
    }

    private Map<String, byte[]> bodies() {
        ['2 KB of random bytes'                      : garbage,
         '300 random bytes'                          : smallGarbage,
         'nothing'                                   : new byte[0],
         'a delimiter, then 2 KB of random bytes'    : concat('--x\r\n'.bytes, garbage),
         'a part without Content-Disposition'        : '--x\r\nX-Note: hello\r\n\r\nuser\r\n--x--\r\n'.bytes,
         'a part with a garbled Content-Disposition' : '--x\r\nContent-Disposition: garbage\r\n\r\nuser\r\n--x--\r\n'.bytes,
         'a well-formed body'                        : wellFormed('x')]
    }

    private static byte[] wellFormed(String boundary) {
        ("--${boundary}\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\nuser\r\n" +
                "--${boundary}\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nhello\r\n--${boundary}--\r\n").getBytes('UTF-8')
    }

    private static byte[] randomBytes(int count, long seed) {
        byte[] bytes = new byte[count]
        new Random(seed).nextBytes(bytes)
        bytes
    }

    private static byte[] concat(byte[] first, byte[] second) {
        def out = new ByteArrayOutputStream()
        out.write(first)
        out.write(second)
        out.toByteArray()
    }

    private Reply postRaw(String path, String contentType, byte[] body, String token) {
        sendRaw('POST', path, contentType, body, token)
    }

    private Reply sendRaw(String method, String path, String contentType, byte[] body, String token) {
        def builder = HttpRequest.newBuilder(URI.create("${server.URL}${path}"))
                .header('Content-Type', contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        if (token != null) {
            builder.header('Authorization', "Bearer ${token}")
        }
        new Reply(http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()))
    }
}
