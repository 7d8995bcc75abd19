package dev.researchvault.adapter.http.research

import dev.researchvault.adapter.http.usage.UsageJson
import dev.researchvault.bootstrap.support.VaultHttpSpec
import io.micronaut.core.type.Argument
import io.micronaut.http.MediaType
import io.micronaut.http.body.MessageBodyHandlerRegistry
import io.micronaut.json.JsonMapper
import spock.lang.Shared

/**
 * A research is written to JSON by hand ({@code ResearchResponseWriter}); these are serde's bytes all the same, for
 * the values whose text is tricky (escapes, unicode, lone surrogates, nulls, big and nested metadata, decimals),
 * and on the wire the single research reads exactly as the same research inside a list, which serde writes. In the
 * HTTP adapter's package: the writer and the response record are package-private.
 */
class ResearchJsonHttpSpec extends VaultHttpSpec {

    static final String ID = '0b7c7f3e-61c4-4c5a-9f0e-3f1f6a1c2b9d'
    static final String CONTROLS = (0..0x1f).collect { (char) it }.join('') + '\u007f"\\/'

    @Shared
    String token

    def setupSpec() {
        token = newUser('research-json')
    }

    JsonMapper getSerde() {
        server.applicationContext.getBean(JsonMapper)
    }

    ResearchResponseWriter getWriter() {
        server.applicationContext.getBean(ResearchResponseWriter)
    }

    static ResearchMessages.ResearchResponse research(Map changes = [:]) {
        Map fields = [id         : ID, query: 'what is asked', mode: 'quick', status: 'running', title: 'a title',
                      progress   : 40, createdAt: '2026-11-26T13:00:36.541Z', startedAt: '2026-11-26T13:00:37Z',
                      completedAt: null, durationSeconds: null, metadata: [:], usage: null, chatId: null] + changes
        new ResearchMessages.ResearchResponse(fields.id, fields.query, fields.mode, fields.status, fields.title,
                fields.progress, fields.createdAt, fields.startedAt, fields.completedAt, fields.durationSeconds,
                fields.metadata, fields.usage, fields.chatId)
    }

    def "the research's JSON writer is the one Micronaut chooses for it"() {
        expect:
        server.applicationContext.getBean(MessageBodyHandlerRegistry)
                .findWriter(Argument.of(ResearchMessages.ResearchResponse), [MediaType.APPLICATION_JSON_TYPE])
                .get() instanceof ResearchResponseWriter
    }

    def "a research with #what is written as serde writes it, byte for byte"() {
        given:
        def response = research(changes)

        expect:
        new String(writer.bytes(response), 'UTF-8') == new String(serde.writeValueAsBytes(response), 'UTF-8')
        writer.bytes(response) == serde.writeValueAsBytes(response)

        where:
        what                          | changes
        'the usual fields'            | [:]
        'every optional field null'   | [title: null, startedAt: null, completedAt: null, durationSeconds: null, metadata: null]
        'every field set'             | [completedAt: '2026-11-26T13:05:00.001Z', durationSeconds: 263L, chatId: ID,
                                         usage: new UsageJson(52_000L, 9_100L, 1.25G), metadata: [source: 'web']]
        'control characters'          | [query: CONTROLS, title: "tab\there\nnew line\r\u0000end"]
        'non-ASCII text'              | [query: 'café, 中文, Ωμέγα, ﬀ, \u00a0\u2028\u2029\ufeff\uffff', title: 'emoji 😀 and 𝄞']
        'lone surrogates'             | [query: 'high \ud800 alone', title: 'low \udfff alone, reversed \udc00\ud800']
        'very long text'              | [query: 'x' * 100_000 + '"' * 1000 + 'é' * 1000]
        'extreme numbers'             | [progress: Integer.MIN_VALUE, durationSeconds: Long.MAX_VALUE]
        'usage with an unknown cost'  | [usage: new UsageJson(0L, 0L, null)]
        'usage with a tiny cost'      | [usage: new UsageJson(Long.MAX_VALUE, 1L, 0.000001G)]
        'usage with a big cost'       | [usage: new UsageJson(1L, 1L, 12345678901234567890.123456G)]
        'usage without tokens'        | [usage: new UsageJson(null, null, null)]
        'nested metadata'             | [metadata: [a: [b: [c: [1, 2.5d, -0.0d, 1e300d, 3L, 12345678901234567890G, 1.10G,
                                                                 true, false, null, 'é\n"']]], empty: [:], list: [],
                                                    (CONTROLS): CONTROLS, '😀': 'x']]
        'big metadata'                | [metadata: (1..2000).collectEntries { ["key-$it".toString(), "value \u00e9 $it" * 3] }]
    }

    def "GET /api/v1/research/{id} answers the very bytes the list writes for the same research"() {
        given:
        String id = post('/api/v1/research', [query: CONTROLS + ' é 中 😀', mode: 'quick'], token).json.id
        // Sent as JSON text, escapes and all.
        assert patch("/api/v1/research/$id", '{"title":"pair \\ud83d\\ude00, bell \\u0007, tab \\t",' +
                '"status":"in_progress","progress":12,' +
                '"metadata":{"n":[1,2.5,-3e10,12345678901234567890,0.1],"s":"\\"q\\" \\\\ \\n","t":true,"z":null,' +
                '"nested":{"deep":{"deeper":["é"]}}},' +
                '"usage":{"promptTokens":10,"completionTokens":20,"costUsd":0.000123}}', token).status == 200

        when:
        def single = get("/api/v1/research/$id", token)
        def list = get('/api/v1/research?size=100', token)

        then:
        single.status == 200
        single.contentType == 'application/json'
        single.header('Content-Length') == single.bytes.length as String
        list.text.contains(single.text)
        single.json.status == 'in_progress'
    }

    def "its header lines are those serde's answers have, names spelled alike"() {
        given:
        String id = post('/api/v1/research', [query: 'headers', mode: 'quick'], token).json.id

        expect: 'a list is written by serde; both answer the same header names, byte for byte on the wire'
        headerNamesOnTheWire("/api/v1/research/$id") == headerNamesOnTheWire('/api/v1/research')
        headerNamesOnTheWire("/api/v1/research/$id") == ['date', 'content-type', 'content-length', 'connection']
    }

    /** The header names of a GET as the server writes them (an HTTP client's map would hide their case). */
    List<String> headerNamesOnTheWire(String path) {
        new Socket(server.URL.host, server.URL.port).withCloseable { socket ->
            socket.outputStream.write(("GET $path HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer $token\r\n" +
                    'Connection: close\r\n\r\n').getBytes('US-ASCII'))
            String head = new String(socket.inputStream.readAllBytes(), 'UTF-8').split('\r\n\r\n')[0]
            head.split('\r\n').drop(1).collect { it.substring(0, it.indexOf(':')) }
        }
    }
}
