package dev.researchvault.bootstrap.chat

import spock.lang.Shared

import java.nio.charset.StandardCharsets

/**
 * A multipart body is stored as sent however the network splits it. Netty's own multipart decoder kept a CR that
 * arrived apart from its LF before a delimiter in the part (netty/netty#17383): a document came back one byte longer,
 * ending in 13 (found by CrashSpec, docs/reliability.md "A document with one byte more"). Micronaut now decodes with
 * Netty contrib's decoder (adapters-http's pom), and these features pin the behaviour for every route that takes
 * multipart (they share the decoder): the body is cut at every byte near each delimiter, and into random pieces.
 *
 * <p>Two samples: plain letters (the defect's first reproduction), and one made to be hard on a decoder: it holds CRs,
 * CRLFs, dashes and the boundary's own beginning, and it ends in a CR, so the bytes right before a delimiter look like
 * a delimiter's start. A text part (the title, not ASCII) follows the file.
 */
class MultipartSplitCrHttpSpec extends MessageFilesSpecSupport {

    static final String TITLE = 'split\u00e9 title'

    @Shared
    String boundary = "----rv${UUID.randomUUID()}"
    /** Files that end right before a delimiter: one of plain letters, one hard on a decoder. */
    @Shared
    Map<String, byte[]> samples = [
            plain: (0..<100).collect { (byte) (65 + it % 26) } as byte[],
            hostile: hostileFile(boundary)]
    /** One user for every case: registering one per case (a new vault each) was most of the spec's time. */
    @Shared
    User owner

    def setup() {
        owner = owner ?: user()
    }

    def "a document (#kind file) whose body arrives in two pieces, cut at byte #cut near a delimiter, is stored as sent"() {
        when:
        def reply = upload(owner.token, body(kind), [cut])

        then:
        storedAsSent(reply, kind)

        where:
        [kind, cut] << samples.keySet().collectMany { kind -> cutsNearDelimiters(body(kind)).collect { [kind, it] } }
    }

    def "a document (#kind file) whose body arrives in random pieces (seed #seed) is stored as sent"() {
        given:
        def random = new Random(seed)
        byte[] sent = body(kind)
        def near = cutsNearDelimiters(sent)
        // Three to six cuts, half of them next to a delimiter, the rest anywhere.
        List<Integer> cuts = (0..<(3 + random.nextInt(4))).collect {
            random.nextBoolean() ? near[random.nextInt(near.size())] : 1 + random.nextInt(sent.length - 1)
        }.unique().sort()

        when:
        def reply = upload(owner.token, sent, cuts)

        then:
        storedAsSent(reply, kind)

        where:
        [kind, seed] << [samples.keySet(), 1..12].combinations()
    }

    def "the same body in one piece is stored as sent (#kind file)"() {
        expect:
        storedAsSent(upload(owner.token, body(kind), []), kind)

        where:
        kind << samples.keySet()
    }

    private byte[] body(String kind) {
        multipartBody(boundary,
                [['file', 'f.bin', 'application/octet-stream', samples[kind]], ['title', null, null, TITLE]])
    }

    private boolean storedAsSent(String reply, String kind) {
        assert reply.startsWith('HTTP/1.1 201 ')
        String id = (reply =~ /"id":"([^"]+)"/)[0][1]
        assert get("/api/v1/documents/${id}", owner.token).json.title == TITLE
        byte[] stored = get("/api/v1/documents/${id}/file", owner.token).bytes
        assert stored.length == samples[kind].length
        assert stored == samples[kind]
        true
    }

    /** Every cut from four bytes before each delimiter (CRLF--boundary) to four bytes after it. */
    private List<Integer> cutsNearDelimiters(byte[] body) {
        byte[] delimiter = "\r\n--${boundary}".getBytes(StandardCharsets.US_ASCII)
        indexesOf(body, delimiter).collectMany { at -> ((at - 4)..(at + delimiter.length + 4)) as List }
                .findAll { it > 0 && it < body.length }.unique()
    }

    /**
     * Posts the body to {@code POST /api/v1/documents} over a socket of its own, in pieces cut at {@code cuts}, with a
     * pause after each piece so the server reads them apart. Answers the raw response.
     */
    private String upload(String token, byte[] body, List<Integer> cuts) {
        def url = new URL(server.URL.toString())
        String head = "POST /api/v1/documents HTTP/1.1\r\nHost: ${url.host}:${url.port}\r\nAuthorization: Bearer ${token}\r\n" +
                "Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\n" +
                "Connection: close\r\n\r\n"
        new Socket(url.host, url.port).withCloseable { socket ->
            socket.tcpNoDelay = true
            def out = socket.outputStream
            out.write(head.getBytes(StandardCharsets.US_ASCII))
            int from = 0
            (cuts + [body.length]).each { int to ->
                out.write(body, from, to - from)
                out.flush()
                from = to
                if (to < body.length) {
                    Thread.sleep(15)
                }
            }
            new String(socket.inputStream.readAllBytes(), StandardCharsets.UTF_8)
        }
    }

    /** A file with what a delimiter starts with inside it, ending in a CR. */
    private static byte[] hostileFile(String boundary) {
        def bytes = new ByteArrayOutputStream()
        bytes.write('start\r\nline\rcr\nlf\r\n-dash\r\n--'.getBytes(StandardCharsets.US_ASCII))
        bytes.write("\r\n--${boundary.substring(0, boundary.length() - 1)}x".getBytes(StandardCharsets.US_ASCII))
        (0..<256).each { bytes.write(it) }
        bytes.write('\r\n-\r'.getBytes(StandardCharsets.US_ASCII))
        bytes.toByteArray()
    }

    private static List<Integer> indexesOf(byte[] bytes, byte[] wanted) {
        (0..bytes.length - wanted.length).findAll { at -> (0..<wanted.length).every { bytes[at + it] == wanted[it] } }
    }
}
