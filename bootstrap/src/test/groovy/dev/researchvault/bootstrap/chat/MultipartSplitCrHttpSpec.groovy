package dev.researchvault.bootstrap.chat

import spock.lang.PendingFeature

import java.nio.charset.StandardCharsets

/**
 * A known defect, reproduced: a multipart body whose bytes arrive split between the CR and the LF that come before a
 * delimiter gives the part before it one byte more, that CR. Netty's multipart decoder holds such a CR back only for
 * parts with a declared length (netty/netty#17383, open; the fix proposed in #17385 is not in Netty 4.2.18). Found by
 * CrashSpec as "a document with one byte more" (docs/reliability.md). Every multipart route is affected (message files,
 * documents, the LDR import); raw uploads ({@code POST /api/v1/uploads}) and JSON bodies are not.
 *
 * <p>Pending: Spock reports these features as passing while they fail, and fails the build the day they pass, so the
 * fix (a newer Netty, or bodies parsed another way) takes this annotation and the docs' note out with it.
 */
class MultipartSplitCrHttpSpec extends MessageFilesSpecSupport {

    @PendingFeature(reason = 'netty/netty#17383: a CR split from its LF before a delimiter stays in the part')
    def "a document whose body arrives split between the CR and the LF before the next delimiter is stored as sent"() {
        given: 'a file of 100 bytes, none of them CR or LF'
        def user = user()
        byte[] file = (0..<100).collect { (byte) (65 + it % 26) } as byte[]

        when: 'the body is sent in two writes, the first ending with the CR after the file'
        def reply = splitUpload(user.token, file, 1)

        then:
        reply.contains(' 201 ')
        get("/api/v1/documents/${documentId(reply)}/file", user.token).bytes == file
    }

    def "the same body sent in one write is stored as sent (the split is what breaks it)"() {
        given:
        def user = user()
        byte[] file = (0..<100).collect { (byte) (65 + it % 26) } as byte[]

        when:
        def reply = splitUpload(user.token, file, null)

        then:
        reply.contains(' 201 ')
        get("/api/v1/documents/${documentId(reply)}/file", user.token).bytes == file
    }

    /**
     * Posts a document over a socket of its own: the body in one write, or split {@code afterFileEnd} bytes after the
     * file's last byte, with a pause between the writes so the server reads them apart. Answers the raw response.
     */
    private String splitUpload(String token, byte[] file, Integer afterFileEnd) {
        String boundary = "----rv${UUID.randomUUID()}"
        byte[] bytes = multipartBody(boundary,
                [['file', 'f.bin', 'application/octet-stream', file], ['title', null, null, 'split']])
        // The file is the first part: its last byte comes right before the first CRLF of a delimiter.
        int fileEnd = firstIndexOf(bytes, "\r\n--${boundary}\r\n".getBytes(StandardCharsets.US_ASCII))
        def url = new URL(server.URL.toString())
        String head = "POST /api/v1/documents HTTP/1.1\r\nHost: ${url.host}:${url.port}\r\nAuthorization: Bearer ${token}\r\n" +
                "Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${bytes.length}\r\n" +
                "Connection: close\r\n\r\n"
        new Socket(url.host, url.port).withCloseable { socket ->
            socket.tcpNoDelay = true
            def out = socket.outputStream
            out.write(head.getBytes(StandardCharsets.US_ASCII))
            int split = afterFileEnd == null ? bytes.length : fileEnd + afterFileEnd
            out.write(bytes, 0, split)
            out.flush()
            Thread.sleep(100)
            out.write(bytes, split, bytes.length - split)
            out.flush()
            new String(socket.inputStream.readAllBytes(), StandardCharsets.UTF_8)
        }
    }

    private static int firstIndexOf(byte[] bytes, byte[] wanted) {
        (0..bytes.length - wanted.length).find { at -> (0..<wanted.length).every { bytes[at + it] == wanted[it] } }
    }

    private static String documentId(String reply) {
        (reply =~ /"id":"([^"]+)"/)[0][1]
    }
}
